package ai.stratum.benchmarks.trust;

import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateEvaluation;
import ai.stratum.server.trust.TrustGate;
import ai.stratum.server.trust.TrustGateConfig;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Trust gate evaluations per second on one thread (so per core): {@link TrustGate#evaluate} with seed
 * 002's default configuration. Goal: at least 1,000,000 per second per core.
 *
 * <p>The inputs are a fixed table of random actions and scores (0-100), drawn once from a fixed seed,
 * so every risk level, decision and autopilot mode occurs and the branch predictor cannot learn one
 * answer. The evaluation is returned, so JMH consumes it and nothing is eliminated as dead code; its
 * reason text stays unbuilt, as on the autopilot's path where most evaluations are never shown.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class TrustGateBenchmark {

    /** A power of two, so the next index is a mask, not a division. */
    static final int INPUTS = 1 << 12;
    static final long SEED = 20_260_301L;

    TrustGate gate;
    ActionType[] actions;
    double[] scores;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        gate = new TrustGate(TrustGateConfig.defaults());
        Random random = new Random(SEED);
        ActionType[] all = ActionType.values();
        actions = new ActionType[INPUTS];
        scores = new double[INPUTS];
        for (int i = 0; i < INPUTS; i++) {
            actions[i] = all[random.nextInt(all.length)];
            scores[i] = random.nextDouble() * 100.0;
        }
    }

    @Benchmark
    public GateEvaluation evaluate() {
        int i = next;
        next = (i + 1) & (INPUTS - 1);
        return gate.evaluate(actions[i], scores[i]);
    }
}
