package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.conversion.ConversionModel;
import ai.stratum.server.ml.conversion.ConversionPrediction;
import ai.stratum.server.ml.conversion.DeviceType;
import ai.stratum.server.ml.conversion.SessionEncoding;
import ai.stratum.server.ml.conversion.SessionFeatures;
import ai.stratum.server.ml.conversion.TrafficSource;
import ai.stratum.server.ml.conversion.UserSegment;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One conversion prediction on one thread with the default model (Smile, 100 trees of depth 5), two ways:
 * <ul>
 *   <li>{@code probability} — the trees alone: the session's conversion probability (STACK notes: a Smile
 *   GBM prediction takes about 1.5 µs);</li>
 *   <li>{@code predict} — what {@code predictConversion} answers: the probability, the confidence, and the
 *   five top factors, which need each tree's exact TreeSHAP values.</li>
 * </ul>
 * Sampled, so JMH reports p50, p95 and p99. Seed 001's table: 8 ms at p50, 25 ms at p95, 60 ms at p99.
 *
 * <p>Inputs: 1,024 sessions drawn once from a fixed seed over realistic ranges, cycled through in order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class ConversionPredictionBenchmark {

    static final int INPUTS = 1 << 10;
    static final long SEED = 20_261_202L;

    ConversionModel model;
    SessionFeatures[] sessions;
    double[][] rows;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        model = ConversionModel.fromArtifact(DefaultModelFiles.read("conversion"));
        sessions = sessions(SEED);
        rows = new double[INPUTS][];
        for (int i = 0; i < INPUTS; i++) {
            rows[i] = SessionEncoding.encode(sessions[i]);
        }
    }

    @Benchmark
    public double probability() {
        int i = next;
        next = (i + 1) & (INPUTS - 1);
        return model.probabilityOf(rows[i]);
    }

    @Benchmark
    public ConversionPrediction predict() {
        int i = next;
        next = (i + 1) & (INPUTS - 1);
        return model.predict(sessions[i]);
    }

    static SessionFeatures[] sessions(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SessionFeatures[] sessions = new SessionFeatures[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            int pages = 1 + random.nextInt(30);
            int items = random.nextDouble() < 0.4 ? 1 + random.nextInt(5) : 0;
            UserSegment segment = UserSegment.values()[random.nextInt(3)];
            sessions[i] = new SessionFeatures(pages * (10 + 90 * random.nextDouble()), pages,
                    items == 0 ? 0 : items * (10 + 90 * random.nextDouble()), items,
                    segment == UserSegment.NEW ? 0 : 60 * random.nextDouble(),
                    segment == UserSegment.NEW ? 0 : random.nextInt(12), DeviceType.values()[random.nextInt(3)],
                    TrafficSource.values()[random.nextInt(4)], segment);
        }
        return sessions;
    }
}
