package ai.stratum.server.signals.health;

import java.util.Optional;

/**
 * How far one value lies from the mean of its history, in population standard deviations: seed 002's
 * anomaly test ({@code abs(today - mean) / std > 3.0}). The trust engine's anomaly component and the ML
 * engine's anomaly detector both judge a day's metrics with it, so both call the same day anomalous.
 *
 * <p>A history that never varies (standard deviation 0) has no scale to measure a distance in: its
 * z-score is 0 and it is never anomalous, as in seed 002.
 *
 * @param value             the value judged
 * @param mean              the history's mean
 * @param standardDeviation the history's population standard deviation
 * @param historyDays       how many values the history had
 */
public record ZScore(double value, double mean, double standardDeviation, int historyDays) {

    /** Seed 002's minimum history: fewer values than this are too few to judge. */
    public static final int MIN_HISTORY_DAYS = 7;

    /**
     * @param value   the value to judge
     * @param history the earlier values; missing days left out (a 0 is a value)
     * @return its z-score, or empty with fewer than {@value #MIN_HISTORY_DAYS} values of history
     */
    public static Optional<ZScore> of(double value, double[] history) {
        int count = history.length;
        if (count < MIN_HISTORY_DAYS) {
            return Optional.empty();
        }
        double sum = 0;
        for (double past : history) {
            sum += past;
        }
        double mean = sum / count;
        double squares = 0;
        for (double past : history) {
            double deviation = past - mean;
            squares += deviation * deviation;
        }
        return Optional.of(new ZScore(value, mean, Math.sqrt(squares / count), count));
    }

    /** @return signed distance from the mean in standard deviations; 0 when the history never varies */
    public double z() {
        return standardDeviation > 0 ? (value - mean) / standardDeviation : 0;
    }

    /**
     * @param threshold the z-score threshold (TRUST_ANOMALY_ZSCORE_THRESHOLD, 3.0 by default)
     * @return whether the value lies strictly further than {@code threshold} deviations from the mean
     */
    public boolean exceeds(double threshold) {
        return standardDeviation > 0 && Math.abs(value - mean) / standardDeviation > threshold;
    }
}
