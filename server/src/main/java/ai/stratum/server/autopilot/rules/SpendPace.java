package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.BudgetPeriod;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How a campaign's spend so far compares with an even spread of its budget over its period.
 *
 * <p>The model: an even pace spends the budget in proportion to time. For a daily budget the
 * period is today in the account's time zone (23 or 25 hours on a daylight-saving change), so by
 * 15:00 an even pace has spent 62.5 % of the budget. For a lifetime budget the period is the
 * campaign's flight, from the start of its first day to the end of its last, and spend so far is
 * the history's spend within the flight plus today's.
 *
 * <p>Pace is not read too early, when a few hours of spend say little about the day: a daily
 * budget is read from {@value #MIN_DAY_FRACTION_TEXT} of the day on (06:00 on a 24-hour day), a
 * lifetime budget once the flight's first day is over. Outside its flight a lifetime budget has
 * no pace.
 *
 * @param actualMicros   what the campaign spent in the period so far
 * @param expectedMicros what an even pace would have spent by now
 * @param progress       how far through the period the run is, as a person reads it
 */
record SpendPace(long actualMicros, BigDecimal expectedMicros, String progress) {

    /** The share of the day that must be over before a daily budget's pace is read. */
    static final double MIN_DAY_FRACTION = 0.25;
    static final String MIN_DAY_FRACTION_TEXT = "a quarter";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * Reads the pace of a campaign's budget at an instant.
     *
     * @param campaign the campaign
     * @param now      the time of the run
     * @return the pace, or empty when it cannot be read yet (too early, outside the flight, a
     *         lifetime budget without a flight)
     */
    static Optional<SpendPace> of(CampaignState campaign, Instant now) {
        Optional<SpendPace> pace = campaign.budgetPeriod() == BudgetPeriod.DAILY
                ? daily(campaign, now) : lifetime(campaign, now);
        // a budget of a few micros has no measurable even pace
        return pace.filter(reading -> reading.expectedMicros().signum() > 0);
    }

    /** Spend as a multiple of the even pace: 1.2 is 20 % ahead, 0.8 is 20 % behind. */
    BigDecimal ratio() {
        return BigDecimal.valueOf(actualMicros).divide(expectedMicros, MathContext.DECIMAL128);
    }

    private static Optional<SpendPace> daily(CampaignState campaign, Instant now) {
        LocalDate today = campaign.today(now);
        ZonedDateTime start = today.atStartOfDay(campaign.accountZone());
        double fraction = fractionElapsed(start.toInstant(),
                today.plusDays(1).atStartOfDay(campaign.accountZone()).toInstant(), now);
        if (fraction < MIN_DAY_FRACTION) {
            return Optional.empty();
        }
        String clock = CLOCK.format(now.atZone(campaign.accountZone()));
        String progress = "by " + clock + " " + campaign.accountZone().getId() + ", "
                + ReasonText.percent(fraction * 100) + " through the day";
        return Optional.of(new SpendPace(campaign.spendTodayMicros(), expected(campaign.budgetMicros(), fraction),
                progress));
    }

    private static Optional<SpendPace> lifetime(CampaignState campaign, Instant now) {
        if (campaign.flight().isEmpty()) {
            return Optional.empty();
        }
        Flight flight = campaign.flight().get();
        LocalDate today = campaign.today(now);
        if (!today.isAfter(flight.start()) || today.isAfter(flight.end())) {
            return Optional.empty();
        }
        Instant start = flight.start().atStartOfDay(campaign.accountZone()).toInstant();
        Instant end = flight.end().plusDays(1).atStartOfDay(campaign.accountZone()).toInstant();
        double fraction = fractionElapsed(start, end, now);
        long spent = campaign.spendTodayMicros();
        for (DailyPerformance day : campaign.history()) {
            if (!day.date().isBefore(flight.start()) && day.date().isBefore(today)) {
                spent = Math.addExact(spent, day.spendMicros());
            }
        }
        long dayOfFlight = ChronoUnit.DAYS.between(flight.start(), today) + 1;
        long flightDays = ChronoUnit.DAYS.between(flight.start(), flight.end()) + 1;
        String progress = "by day " + dayOfFlight + " of " + flightDays + ", "
                + ReasonText.percent(fraction * 100) + " through the flight";
        return Optional.of(new SpendPace(spent, expected(campaign.budgetMicros(), fraction), progress));
    }

    private static double fractionElapsed(Instant start, Instant end, Instant now) {
        return (double) Duration.between(start, now).toMillis() / Duration.between(start, end).toMillis();
    }

    private static BigDecimal expected(long budgetMicros, double fraction) {
        return BigDecimal.valueOf(budgetMicros).multiply(BigDecimal.valueOf(fraction))
                .setScale(0, RoundingMode.HALF_EVEN);
    }
}
