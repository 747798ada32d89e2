package ai.stratum.server.ml.fatigue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Seed 001's {@code FatigueScorer.calculate_score}.
 *
 * <p>The score is {@code age × 0.2 + frequency × 0.25 + CTR decline × 0.35 + engagement decline × 0.2},
 * each component 0-100. The seed gives the frequency bands and the CTR decline ({@code × 200},
 * 50 when the initial CTR is 0) in code; it names {@code _age_score} and
 * {@code _engagement_decay_score} without their bodies, so these follow the shapes it does give:
 * <ul>
 *   <li>age uses the frequency ladder's scores (10 / 30 / 60 / 80 / 95) over weekly bands of days in
 *   rotation (under 7, 14, 21, 28 days, then 28 and over): creatives are commonly refreshed every two
 *   to four weeks;</li>
 *   <li>engagement decline is scored like the CTR decline, {@code rate × 200} clamped to 0-100: both
 *   are relative declines of a rate.</li>
 * </ul>
 *
 * <p>The level is read from the score as shown, rounded to one decimal, so a creative shown at 85.0
 * is never called "high" (the seed classified the unrounded score, which can disagree by 0.05).
 *
 * <p>{@code daysUntilCritical}: the least-squares slope, in points per day, of the creative's scores
 * over the last {@value #TREND_WINDOW_DAYS} days (the stored daily scores plus today's), needing at
 * least {@value #MIN_TREND_POINTS} days; the days are the gap from today's score to 85 divided by
 * that slope, rounded up. A flat or falling trend has no such day.
 */
public final class FatigueScorer {

    static final double AGE_WEIGHT = 0.2;
    static final double FREQUENCY_WEIGHT = 0.25;
    static final double CTR_DECAY_WEIGHT = 0.35;
    static final double ENGAGEMENT_WEIGHT = 0.2;

    /** How far back the trend looks, today included. */
    static final int TREND_WINDOW_DAYS = 14;
    /** Fewer days than this are no trend. */
    static final int MIN_TREND_POINTS = 3;

    /** Below the seed's "low" threshold: a creative with no sign of fatigue yet. */
    private static final double FRESH_BELOW = FatigueLevel.LOW.threshold();

    /**
     * @param input the creative
     * @return its score, level, trend and advice
     */
    public FatigueResult score(FatigueInput input) {
        double weighted = ageScore(input.daysInRotation()) * AGE_WEIGHT
                + frequencyScore(input.frequency()) * FREQUENCY_WEIGHT
                + ctrDecayScore(input.initialCtr(), input.currentCtr()) * CTR_DECAY_WEIGHT
                + engagementDecayScore(input.engagementDecayRate()) * ENGAGEMENT_WEIGHT;
        double score = roundToOneDecimal(weighted);
        FatigueLevel level = FatigueLevel.of(score);
        OptionalInt daysUntilCritical = daysUntilCritical(input, score);
        return new FatigueResult(score, level, daysUntilCritical, recommendation(level, score, daysUntilCritical),
                suggestedActions(level, score));
    }

    /** Weekly bands of days in rotation, scored on the frequency ladder. */
    static double ageScore(int daysInRotation) {
        if (daysInRotation < 7) {
            return 10;
        } else if (daysInRotation < 14) {
            return 30;
        } else if (daysInRotation < 21) {
            return 60;
        } else if (daysInRotation < 28) {
            return 80;
        }
        return 95;
    }

    /** The seed's {@code _frequency_score}: higher frequency, higher fatigue. */
    static double frequencyScore(double frequency) {
        if (frequency < 2) {
            return 10;
        } else if (frequency < 4) {
            return 30;
        } else if (frequency < 6) {
            return 60;
        } else if (frequency < 8) {
            return 80;
        }
        return 95;
    }

    /** The seed's {@code _ctr_decay_score}: the relative CTR decline times 200, within 0-100. */
    static double ctrDecayScore(double initialCtr, double currentCtr) {
        if (initialCtr == 0) {
            return 50;
        }
        double decline = (initialCtr - currentCtr) / initialCtr;
        return Math.min(100, Math.max(0, decline * 200));
    }

    /** The relative engagement decline times 200, within 0-100, like the CTR decline. */
    static double engagementDecayScore(double engagementDecayRate) {
        return Math.min(100, Math.max(0, engagementDecayRate * 200));
    }

    /**
     * Python's {@code round(x, 1)}: half-even on the double's exact binary value (so 0.25 rounds to
     * 0.2, and 0.35, stored just below, to 0.3).
     */
    static double roundToOneDecimal(double value) {
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).doubleValue();
    }

    static OptionalInt daysUntilCritical(FatigueInput input, double score) {
        double critical = FatigueLevel.CRITICAL.threshold();
        if (score >= critical) {
            return OptionalInt.of(0);
        }
        double slope = recentSlope(input, score);
        // a slope this small would put the critical day beyond any horizon anyone plans for
        if (!(slope > 1e-9)) {
            return OptionalInt.empty();
        }
        double days = Math.ceil((critical - score) / slope);
        return days > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) days);
    }

    /** Least-squares slope in points per day over the trend window; NaN with too few days. */
    static double recentSlope(FatigueInput input, double todayScore) {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, todayScore});
        for (DailyFatigueScore past : input.recentScores()) {
            long daysAgo = ChronoUnit.DAYS.between(past.date(), input.asOf());
            if (daysAgo < TREND_WINDOW_DAYS) {
                points.add(new double[] {-daysAgo, past.fatigueScore()});
            }
        }
        if (points.stream().mapToDouble(p -> p[0]).distinct().count() < MIN_TREND_POINTS) {
            return Double.NaN;
        }
        double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - meanX) * (p[1] - meanY);
            sxx += (p[0] - meanX) * (p[0] - meanX);
        }
        return sxy / sxx;
    }

    static String recommendation(FatigueLevel level, double score, OptionalInt daysUntilCritical) {
        return switch (level) {
            case CRITICAL -> "Replace creative now";
            case HIGH -> daysUntilCritical.isPresent()
                    ? "Replace creative within " + days(daysUntilCritical.getAsInt())
                    : "Replace creative soon";
            case MEDIUM -> daysUntilCritical.isPresent()
                    ? "Plan a creative refresh within " + days(daysUntilCritical.getAsInt())
                    : "Plan a creative refresh";
            case LOW -> score < FRESH_BELOW ? "No action needed" : "Monitor performance";
        };
    }

    /** The seed's example gives the high level's actions; the others follow its wording. */
    static List<String> suggestedActions(FatigueLevel level, double score) {
        return switch (level) {
            case CRITICAL -> List.of("Pause creative", "Rotate to new creative", "Reduce frequency cap");
            case HIGH -> List.of("Rotate to new creative", "Reduce frequency cap", "Narrow audience targeting");
            case MEDIUM -> List.of("Prepare new creative variants", "Monitor CTR and frequency");
            case LOW -> score < FRESH_BELOW ? List.of() : List.of("Monitor CTR and frequency");
        };
    }

    private static String days(int days) {
        return days == 1 ? "1 day" : days + " days";
    }
}
