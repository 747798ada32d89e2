package ai.stratum.sandbox.simulation;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Draws one campaign's results for one day. Every random draw comes from a generator seeded by the
 * account's seed, the campaign and the date, in a fixed order, so a day's results are the same
 * whenever and however often they are asked for — only the share of the day elapsed and the
 * conversions reported so far grow with time.
 */
final class DayResults {

    private static final long CENT_MICROS = 10_000;

    private DayResults() {
    }

    /**
     * @param profile       the campaign's response
     * @param date          the day
     * @param budgetMicros  the daily budget in force that day
     * @param dayShare      the share of the day delivered so far (1 for past days)
     * @param daysSince     full days between the day and today (0 for today), for late conversions
     * @param seed          the account's seed
     * @return the results reported for the day now
     */
    static DayOutcome draw(CampaignProfile profile, LocalDate date, long budgetMicros, double dayShare,
                           long daysSince, long seed) {
        SplittableRandom random = new SplittableRandom(mix(seed, profile.campaignId().hashCode(), date.toEpochDay()));
        double demand = ResponseModel.weeklyDemand(date.getDayOfWeek()) * noise(random, 0.08);
        double pacing = 0.86 + 0.14 * random.nextDouble();
        double cpmNoise = noise(random, 0.10);
        double ctrNoise = noise(random, 0.12);
        double conversionNoise = noise(random, 0.18);
        double orderValueNoise = noise(random, 0.05);

        double budget = budgetMicros / 1e6;
        double fullDaySpend = budget * pacing;
        double spend = fullDaySpend * dayShare;
        long spendMicros = cents(spend);
        long impressions = (long) Math.floor(spend / (profile.cpm() * demand * cpmNoise) * 1000);
        double ageDays = date.toEpochDay() - profile.startDate().toEpochDay();
        double ctr = ResponseModel.fatiguedCtr(profile.baseCtr(), ageDays, profile.fatigueHalfLifeDays()) * ctrNoise;
        long clicks = Math.min(impressions, Math.round(impressions * ctr));

        double expectedRevenue = ResponseModel.revenue(fullDaySpend, profile.maxDailyRevenue() * demand,
                profile.saturationSpend());
        long finalConversions = Math.round(expectedRevenue / profile.averageOrderValue() * conversionNoise * dayShare);
        long reported = (long) Math.floor(finalConversions * ResponseModel.reportedShare(daysSince));
        long revenueMicros = cents(reported * profile.averageOrderValue() * orderValueNoise);
        return new DayOutcome(profile.campaignId(), date, spendMicros, impressions, clicks, reported, revenueMicros);
    }

    /** A multiplicative noise around 1, log-normal so it never goes negative. */
    private static double noise(SplittableRandom random, double sigma) {
        double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        return Math.exp(sigma * gaussian - sigma * sigma / 2);
    }

    private static long cents(double amount) {
        return Math.round(amount * 100) * CENT_MICROS;
    }

    private static long mix(long seed, long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= a + 0x632BE59BD9B4E019L + (h << 6) + (h >>> 2);
        h ^= b + 0x85157AF5L + (h << 6) + (h >>> 2);
        return h;
    }
}
