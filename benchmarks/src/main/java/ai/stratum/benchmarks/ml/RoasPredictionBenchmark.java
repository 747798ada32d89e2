package ai.stratum.benchmarks.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.roas.RoasFeatures;
import ai.stratum.server.ml.roas.RoasModel;
import ai.stratum.server.ml.roas.RoasPrediction;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One ROAS prediction on one thread with the default model (XGBoost, 100 trees of depth 6):
 * {@link RoasModel#predict} — encoding the eleven features, XGBoost's in-place prediction of one row, the
 * conformal interval, the trend and the recommendation. Sampled, so JMH reports p50, p95 and p99. Seed
 * 001's table: 12 ms at p50, 35 ms at p95, 85 ms at p99 (through its whole service); STACK notes put a
 * single-row XGBoost4J prediction at about 50 µs.
 *
 * <p>Inputs: 1,024 campaigns' features drawn once from a fixed seed over the ranges the simulator produces,
 * cycled through in order so the trees take many paths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class RoasPredictionBenchmark {

    static final int INPUTS = 1 << 10;
    static final long SEED = 20_261_201L;

    RoasModel model;
    RoasFeatures[] inputs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        model = RoasModel.fromArtifact(DefaultModelFiles.read("roas"));
        inputs = inputs(SEED);
    }

    @Benchmark
    public RoasPrediction predict() {
        int i = next;
        next = (i + 1) & (INPUTS - 1);
        return model.predict(inputs[i]);
    }

    static RoasFeatures[] inputs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RoasFeatures[] inputs = new RoasFeatures[INPUTS];
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < INPUTS; i++) {
            double roas30 = Math.exp(0.75 + 0.55 * (random.nextDouble() * 2 - 1) * 1.7);
            LocalDate date = first.plusDays(random.nextInt(365));
            inputs[i] = new RoasFeatures(roas30 * (0.7 + 0.6 * random.nextDouble()), roas30, 50 + 450 * random.nextDouble(),
                    0.004 + 0.02 * random.nextDouble(), 0.01 + 0.08 * random.nextDouble(), random.nextDouble() - 0.5,
                    Platform.values()[random.nextInt(4)], date.getDayOfWeek().getValue() - 1, date,
                    5_000 + 400_000 * random.nextDouble(), 100 * random.nextDouble());
        }
        return inputs;
    }
}
