package ai.stratum.server.ml.fatigue;

import ai.stratum.server.ml.InvalidMlInputException;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One creative as seed 001's fatigue scorer sees it.
 *
 * <p>The seed lists six model features ({@code days_in_rotation}, {@code total_impressions},
 * {@code frequency}, {@code ctr_trend_7d}, {@code ctr_trend_30d}, {@code engagement_decay_rate}) and
 * its scoring code also reads the creative's initial and current CTR. The rule-based score reads
 * age, frequency, the CTR decline and the engagement decline; {@code totalImpressions} and the two CTR
 * trends are carried for the learned fatigue model, which takes all six features.
 *
 * @param daysInRotation      days since the creative was first used
 * @param totalImpressions    cumulative impressions
 * @param frequency           average impressions per person reached
 * @param ctrTrend7d          relative CTR change over the last 7 days (-0.1 is a 10 % drop)
 * @param ctrTrend30d         relative CTR change over the last 30 days
 * @param engagementDecayRate relative decline of the engagement rate since launch (0.25 is 25 % lower)
 * @param initialCtr          CTR in the creative's first days, 0-1
 * @param currentCtr          CTR now, 0-1
 * @param asOf                the day these figures describe
 * @param recentScores        the creative's stored scores of earlier days, any order, none on or after
 *                            {@code asOf}; may be empty
 */
public record FatigueInput(int daysInRotation, long totalImpressions, double frequency, double ctrTrend7d,
                           double ctrTrend30d, double engagementDecayRate, double initialCtr, double currentCtr,
                           LocalDate asOf, List<DailyFatigueScore> recentScores) {

    /**
     * @throws InvalidMlInputException naming the first field that is negative, not a number, or (for a
     *                                 stored score) not before {@code asOf}
     */
    public FatigueInput {
        Objects.requireNonNull(asOf, "asOf");
        recentScores = List.copyOf(Objects.requireNonNull(recentScores, "recentScores"));
        requireAtLeastZero("daysInRotation", daysInRotation);
        requireAtLeastZero("totalImpressions", totalImpressions);
        requireAtLeastZero("frequency", frequency);
        requireFinite("ctrTrend7d", ctrTrend7d);
        requireFinite("ctrTrend30d", ctrTrend30d);
        requireFinite("engagementDecayRate", engagementDecayRate);
        requireAtLeastZero("initialCtr", initialCtr);
        requireAtLeastZero("currentCtr", currentCtr);
        for (int i = 0; i < recentScores.size(); i++) {
            if (!recentScores.get(i).date().isBefore(asOf)) {
                throw new InvalidMlInputException("recentScores[" + i + "].date",
                        "must be before asOf (" + asOf + "), was " + recentScores.get(i).date());
            }
        }
    }

    private static void requireAtLeastZero(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidMlInputException(field, "must be a number of at least 0, was " + value);
        }
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidMlInputException(field, "must be a finite number, was " + value);
        }
    }
}
