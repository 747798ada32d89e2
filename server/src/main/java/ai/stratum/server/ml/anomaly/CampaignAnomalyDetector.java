package ai.stratum.server.ml.anomaly;

import ai.stratum.server.signals.health.ZScore;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Finds the days of one campaign that stand out, two ways:
 * <ul>
 *   <li><b>Z-score</b>, metric by metric: each of spend, conversions, CPA, ROAS and CTR against the same
 *   metric over the campaign's {@value #Z_SCORE_WINDOW_DAYS} days before, with the trust engine's test
 *   ({@link ZScore}: more than the tenant's threshold, 3.0 by default, population standard deviations
 *   from the mean, at least 7 days with a value). A metric undefined that day (CPA without conversions)
 *   is not judged, as the trust engine skips a missing value.</li>
 *   <li><b>Isolation forest</b>, the five metrics together (Liu, Ting &amp; Zhou, "Isolation Forest",
 *   ICDM 2008), with Smile's trees: {@value #TREES} trees, each grown on {@value #SUBSAMPLE} days drawn
 *   without replacement from the campaign's delivered days (all of them when fewer), to depth
 *   ⌈log2 of that⌉, splitting on one metric at a time (extension level 0). Each metric is taken as
 *   log(1 + x), since its noise is multiplicative, then centered on its median and scaled by its MAD
 *   (×1.4826), so a runaway day does not stretch the scale it is measured on. A day whose anomaly score reaches the threshold is an anomaly; this catches
 *   combinations no single metric shows (spend normal, conversions normal, revenue collapsed), and
 *   needs {@value #MIN_FOREST_DAYS} delivered days to learn what normal is.</li>
 * </ul>
 * Only delivered days are judged (spend or impressions above 0): a paused campaign has no performance.
 *
 * <p>The forest is reproducible: the caller's seed decides the days each tree sees and, through
 * {@link SmileRandom}, Smile's own random splits.
 *
 * <p>Thread-safe: each call grows its own forest. {@code docs/model-quality.md} ("Anomalies") has its
 * measured precision and recall on sandbox campaigns with injected faults.
 */
public final class CampaignAnomalyDetector {

    /** The method and its settings: part of cache keys and stored with each finding's scan. */
    public static final String VERSION = "zscore-28d+isolation-forest-100x64/1";
    public static final int Z_SCORE_WINDOW_DAYS = 28;
    public static final int MIN_FOREST_DAYS = 28;
    /** The forest's score from which a day is reported, chosen on the sandbox (docs/model-quality.md). */
    public static final double DEFAULT_FOREST_THRESHOLD = 0.66;
    static final int TREES = 100;
    static final int SUBSAMPLE = 64;

    private static final AnomalyMetric[] METRICS = AnomalyMetric.values();
    private static final double MAD_TO_SD = 1.4826;

    private final double zScoreThreshold;
    private final double forestThreshold;

    /**
     * @param zScoreThreshold the tenant's z-score threshold (TRUST_ANOMALY_ZSCORE_THRESHOLD)
     * @param forestThreshold the isolation forest score from which a day is reported, in (0.5, 1)
     */
    public CampaignAnomalyDetector(double zScoreThreshold, double forestThreshold) {
        if (!(zScoreThreshold > 0) || Double.isInfinite(zScoreThreshold)) {
            throw new IllegalArgumentException("the z-score threshold must be positive, was " + zScoreThreshold);
        }
        if (!(forestThreshold > 0.5 && forestThreshold < 1)) {
            throw new IllegalArgumentException("the forest threshold must be within (0.5, 1), was " + forestThreshold);
        }
        this.zScoreThreshold = zScoreThreshold;
        this.forestThreshold = forestThreshold;
    }

    /**
     * @param days     the campaign's days, oldest first, each date once; days it did not run may be
     *                 absent. The forest learns from all of them, so pass a trailing window (90 days)
     * @param scanFrom the first day to judge; days before it are history only
     * @param seed     the forest's seed
     * @return the anomalies found on days from {@code scanFrom}, by date, z-scores before the forest's
     */
    public List<Anomaly> detect(List<CampaignDay> days, LocalDate scanFrom, long seed) {
        Objects.requireNonNull(scanFrom, "scanFrom");
        List<CampaignDay> delivered = delivered(days);
        List<Anomaly> found = new ArrayList<>();
        Forest forest = delivered.size() >= MIN_FOREST_DAYS ? Forest.grow(delivered, seed) : null;
        for (int i = 0; i < delivered.size(); i++) {
            CampaignDay day = delivered.get(i);
            if (day.date().isBefore(scanFrom)) {
                continue;
            }
            zScores(delivered, i, found);
            if (forest != null) {
                forest.judge(day, forestThreshold).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * The forest's score of every delivered day from {@code scanFrom}, reported or not: what the
     * threshold is chosen from.
     */
    static ForestScores forestScores(List<CampaignDay> days, LocalDate scanFrom, long seed) {
        List<CampaignDay> delivered = delivered(days);
        Map<LocalDate, Double> scores = new TreeMap<>();
        if (delivered.size() >= MIN_FOREST_DAYS) {
            Forest forest = Forest.grow(delivered, seed);
            for (CampaignDay day : delivered) {
                if (!day.date().isBefore(scanFrom)) {
                    scores.put(day.date(), forest.score(day));
                }
            }
        }
        return new ForestScores(scores);
    }

    /** @param byDate each judged day's forest score */
    record ForestScores(Map<LocalDate, Double> byDate) {
    }

    private void zScores(List<CampaignDay> delivered, int index, List<Anomaly> found) {
        CampaignDay day = delivered.get(index);
        LocalDate windowStart = day.date().minusDays(Z_SCORE_WINDOW_DAYS);
        for (AnomalyMetric metric : METRICS) {
            double value = metric.of(day);
            if (Double.isNaN(value)) {
                continue;
            }
            double[] history = new double[Z_SCORE_WINDOW_DAYS];
            int count = 0;
            for (int j = index - 1; j >= 0 && !delivered.get(j).date().isBefore(windowStart); j--) {
                double past = metric.of(delivered.get(j));
                if (!Double.isNaN(past)) {
                    history[count++] = past;
                }
            }
            ZScore.of(value, Arrays.copyOf(history, count))
                    .filter(z -> z.exceeds(zScoreThreshold))
                    .ifPresent(z -> found.add(new Anomaly(day.date(), metric, AnomalyMethod.Z_SCORE, Math.abs(z.z()), value,
                            z.mean())));
        }
    }

    private static List<CampaignDay> delivered(List<CampaignDay> days) {
        List<CampaignDay> delivered = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            CampaignDay day = Objects.requireNonNull(days.get(i), "day");
            if (i > 0 && !day.date().isAfter(days.get(i - 1).date())) {
                throw new IllegalArgumentException("days must be in date order, each once: " + day.date() + " follows "
                        + days.get(i - 1).date());
            }
            if (day.delivered()) {
                delivered.add(day);
            }
        }
        return delivered;
    }

    /** An isolation forest over robustly standardized metrics, and how to read its scores back. */
    private static final class Forest {
        private final IsolationForest forest;
        private final double[] median;
        private final double[] scale;

        private Forest(IsolationForest forest, double[] median, double[] scale) {
            this.forest = forest;
            this.median = median;
            this.scale = scale;
        }

        static Forest grow(List<CampaignDay> days, long seed) {
            int n = days.size();
            double[][] raw = new double[n][METRICS.length];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < METRICS.length; k++) {
                    raw[i][k] = transform(METRICS[k].feature(days.get(i)));
                }
            }
            double[] median = new double[METRICS.length];
            double[] scale = new double[METRICS.length];
            double[] column = new double[n];
            for (int k = 0; k < METRICS.length; k++) {
                for (int i = 0; i < n; i++) {
                    column[i] = raw[i][k];
                }
                median[k] = median(column);
                for (int i = 0; i < n; i++) {
                    column[i] = Math.abs(raw[i][k] - median[k]);
                }
                double mad = MAD_TO_SD * median(column);
                scale[k] = mad > 0 ? mad : fallbackScale(raw, k, median[k]);
            }
            double[][] standardized = new double[n][];
            for (int i = 0; i < n; i++) {
                standardized[i] = standardize(raw[i], median, scale);
            }
            int subsample = Math.min(SUBSAMPLE, n);
            int depth = (int) Math.ceil(Math.log(subsample) / Math.log(2));
            SplittableRandom random = new SplittableRandom(seed);
            int[] order = new int[n];
            List<List<double[]>> samples = new ArrayList<>(TREES);
            for (int t = 0; t < TREES; t++) {
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                List<double[]> sample = new ArrayList<>(subsample);
                for (int i = 0; i < subsample; i++) {
                    int j = i + random.nextInt(n - i);
                    int swap = order[i];
                    order[i] = order[j];
                    order[j] = swap;
                    sample.add(standardized[order[i]]);
                }
                samples.add(sample);
            }
            IsolationTree[] trees = SmileRandom.seeded(seed, () -> {
                IsolationTree[] grown = new IsolationTree[TREES];
                for (int t = 0; t < TREES; t++) {
                    grown[t] = new IsolationTree(samples.get(t), depth, 0);
                }
                return grown;
            });
            return new Forest(new IsolationForest(subsample, 0, trees), median, scale);
        }

        double score(CampaignDay day) {
            double[] raw = new double[METRICS.length];
            for (int k = 0; k < METRICS.length; k++) {
                raw[k] = transform(METRICS[k].feature(day));
            }
            return forest.score(standardize(raw, median, scale));
        }

        Optional<Anomaly> judge(CampaignDay day, double threshold) {
            double[] z = new double[METRICS.length];
            for (int k = 0; k < METRICS.length; k++) {
                z[k] = (transform(METRICS[k].feature(day)) - median[k]) / scale[k];
            }
            double score = forest.score(z);
            if (score < threshold) {
                return Optional.empty();
            }
            int furthest = 0;
            for (int k = 1; k < z.length; k++) {
                if (Math.abs(z[k]) > Math.abs(z[furthest])) {
                    furthest = k;
                }
            }
            AnomalyMetric metric = METRICS[furthest];
            // back in the metric's own units: the median of log(1 + x) is log(1 + the median)
            return Optional.of(new Anomaly(day.date(), metric, AnomalyMethod.ISOLATION_FOREST, score, metric.feature(day),
                    Math.expm1(median[furthest])));
        }

        /** log(1 + x): the metrics' noise is multiplicative, and a halving weighs as much as a doubling. */
        private static double transform(double x) {
            return Math.log1p(x);
        }

        private static double[] standardize(double[] raw, double[] median, double[] scale) {
            double[] z = new double[raw.length];
            for (int k = 0; k < raw.length; k++) {
                z[k] = (raw[k] - median[k]) / scale[k];
            }
            return z;
        }

        /** A metric that (nearly) never moves has no MAD: its mean absolute deviation, else 1. */
        private static double fallbackScale(double[][] raw, int k, double median) {
            double sum = 0;
            for (double[] row : raw) {
                sum += Math.abs(row[k] - median);
            }
            double mean = sum / raw.length;
            return mean > 0 ? mean : 1;
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }
}
