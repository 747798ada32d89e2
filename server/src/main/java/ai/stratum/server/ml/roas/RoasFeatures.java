package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.InvalidMlInputException;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Seed 001's eleven ROAS-predictor features for one campaign, as a client gives them: the platform and
 * the date themselves, not their encodings ({@link RoasEncoding} encodes them).
 *
 * <p>What each means, and how {@link CampaignHistoryFeatures} derives it from daily performance:
 *
 * @param historicalRoas7d     revenue / spend over the 7 days before {@code date}
 * @param historicalRoas30d    revenue / spend over the 30 days before {@code date}
 * @param spendVelocity        the daily spend rate: mean spend per day over those 7 days, in the campaign
 *                             currency's units
 * @param ctr                  clicks / impressions over those 7 days, 0-1
 * @param conversionRate       conversions / clicks over those 7 days (may exceed 1 where a platform counts
 *                             view-through conversions)
 * @param impressionsGrowth    impressions of those 7 days relative to the 7 before: 0.1 is 10 % more, -1 none
 * @param platform             the ad platform
 * @param dayOfWeek            the weekday of {@code date}, 0 = Monday to 6 = Sunday (Python's
 *                             {@code weekday()}, the seed's language)
 * @param date                 the day the ROAS is predicted for; its quarter is the seed's season
 * @param audienceSize         people the campaign targets; NaN when unknown (only in training data)
 * @param creativeFatigueScore the fatigue score of the campaign's creative, 0-100; NaN when unknown (only in
 *                             training data)
 */
public record RoasFeatures(double historicalRoas7d, double historicalRoas30d, double spendVelocity, double ctr,
                           double conversionRate, double impressionsGrowth, Platform platform, int dayOfWeek,
                           LocalDate date, double audienceSize, double creativeFatigueScore) {

    /**
     * @throws InvalidMlInputException naming the first field out of range, or {@code dayOfWeek} when it is
     *                                 not {@code date}'s weekday
     */
    public RoasFeatures {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(date, "date");
        atLeastZero("historicalRoas7d", historicalRoas7d);
        atLeastZero("historicalRoas30d", historicalRoas30d);
        atLeastZero("spendVelocity", spendVelocity);
        within("ctr", ctr, 0, 1);
        atLeastZero("conversionRate", conversionRate);
        if (!(impressionsGrowth >= -1) || Double.isInfinite(impressionsGrowth)) {
            throw new InvalidMlInputException("impressionsGrowth",
                    "must be a finite relative change of at least -1 (no impressions), was " + impressionsGrowth);
        }
        if (dayOfWeek < 0 || dayOfWeek > 6) {
            throw new InvalidMlInputException("dayOfWeek", "must be 0 (Monday) to 6 (Sunday), was " + dayOfWeek);
        }
        int weekday = weekday(date);
        if (dayOfWeek != weekday) {
            throw new InvalidMlInputException("dayOfWeek", "must be the weekday of date " + date + ", which is "
                    + weekday + " (" + date.getDayOfWeek() + "; 0 = Monday), was " + dayOfWeek);
        }
        if (!Double.isNaN(audienceSize)) {
            atLeastZero("audienceSize", audienceSize);
        }
        if (!Double.isNaN(creativeFatigueScore)) {
            within("creativeFatigueScore", creativeFatigueScore, 0, 100);
        }
    }

    /** @return the weekday of a date as the seed counts it, 0 = Monday to 6 = Sunday */
    public static int weekday(LocalDate date) {
        return date.getDayOfWeek().getValue() - 1;
    }

    private static void atLeastZero(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidMlInputException(field, "must be a finite number of at least 0, was " + value);
        }
    }

    private static void within(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidMlInputException(field, "must be within " + format(min) + "-" + format(max) + ", was " + value);
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
