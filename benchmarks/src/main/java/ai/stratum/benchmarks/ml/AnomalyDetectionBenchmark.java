package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.anomaly.Anomaly;
import ai.stratum.server.ml.anomaly.CampaignAnomalyDetector;
import ai.stratum.server.ml.anomaly.CampaignDay;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One campaign's anomaly scan on one thread, as the scanner does it for every campaign of a tenant:
 * {@link CampaignAnomalyDetector#detect} grows an isolation forest (Smile's trees: 100 of 64 days) on
 * the campaign's 90 days, then judges the last 14 by z-score (five metrics against their trailing 28
 * days) and by the forest's score.
 *
 * <p>The 90 days are drawn once in {@code @Setup} from a fixed seed: about 1,000 spent a day, 20
 * conversions, 2 % CTR, each with its own noise, and one runaway-spend day among the scanned ones.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class AnomalyDetectionBenchmark {

    static final long SEED = 20_261_203L;
    static final int DAYS = 90;
    static final int SCANNED = 14;
    static final LocalDate FIRST = LocalDate.of(2026, 8, 1);

    CampaignAnomalyDetector detector;
    List<CampaignDay> days;
    LocalDate scanFrom;

    @Setup(Level.Trial)
    public void setUp() {
        detector = new CampaignAnomalyDetector(3.0, CampaignAnomalyDetector.DEFAULT_FOREST_THRESHOLD);
        days = days();
        scanFrom = FIRST.plusDays(DAYS - SCANNED);
    }

    @Benchmark
    public List<Anomaly> scanCampaign() {
        return detector.detect(days, scanFrom, SEED);
    }

    static List<CampaignDay> days() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<CampaignDay> days = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            double spend = 1000 * (1 + 0.07 * random.nextGaussian()) * (i == DAYS - 5 ? 3 : 1);
            double conversions = Math.max(0, Math.round(20 * (1 + 0.15 * random.nextGaussian())));
            long impressions = Math.round(spend * 100);
            long clicks = Math.round(impressions * 0.02 * (1 + 0.08 * random.nextGaussian()));
            days.add(new CampaignDay(FIRST.plusDays(i), spend, conversions * 150 * (1 + 0.05 * random.nextGaussian()), conversions,
                    impressions, clicks));
        }
        return days;
    }
}
