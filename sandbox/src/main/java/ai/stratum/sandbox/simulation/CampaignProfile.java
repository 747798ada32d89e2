package ai.stratum.sandbox.simulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How one simulated campaign turns budget into results. Money is in the account currency's units
 * (the simulation rounds results to cents and reports micros).
 *
 * @param campaignId         the platform's campaign id (digits, as every platform's are)
 * @param adSetId            the id of its one ad set (ad group, ad squad), which carries the bid
 * @param name               its name
 * @param objective          what it is bought for; each platform names it its own way
 * @param startDate          the first day it delivers
 * @param dailyBudget        its daily budget when the simulation starts
 * @param cpm                cost per thousand impressions on an average day
 * @param baseCtr            click-through rate of a fresh creative
 * @param fatigueHalfLifeDays days after which creative fatigue has taken half of the CTR it can take
 * @param maxDailyRevenue    the revenue the audience yields per day at unlimited spend (the curve's asymptote)
 * @param saturationSpend    the daily spend at which revenue reaches 63 % of {@code maxDailyRevenue}
 * @param averageOrderValue  revenue per conversion on average
 */
public record CampaignProfile(String campaignId, String adSetId, String name, Objective objective, LocalDate startDate,
                              double dailyBudget, double cpm, double baseCtr, double fatigueHalfLifeDays,
                              double maxDailyRevenue, double saturationSpend, double averageOrderValue) {

    public CampaignProfile {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(adSetId, "adSetId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(startDate, "startDate");
        requirePositive("dailyBudget", dailyBudget);
        requirePositive("cpm", cpm);
        requirePositive("baseCtr", baseCtr);
        requirePositive("fatigueHalfLifeDays", fatigueHalfLifeDays);
        requirePositive("saturationSpend", saturationSpend);
        requirePositive("averageOrderValue", averageOrderValue);
        if (!(maxDailyRevenue >= 0) || baseCtr >= 1) {
            throw new IllegalArgumentException("maxDailyRevenue must be >= 0 and baseCtr < 1");
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }
}
