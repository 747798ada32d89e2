package ai.stratum.server.ml.models;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * How tenant models are trained ({@code stratum.ml.training.*}).
 *
 * @param threads          training jobs that may run at once on this instance
 * @param queueCapacity    jobs that may wait for a thread; more are refused with UNAVAILABLE
 * @param xgboostThreads   threads one ROAS training may use
 * @param roasRounds       trees of a ROAS model (the seed's 100)
 * @param conversionTrees  trees of a conversion model (the seed's 100)
 * @param historyDays      days of performance history a ROAS training reads, ending today
 * @param abandonedAfter   how long an open job may go without a heartbeat before it counts as abandoned
 */
@Singleton
public record TrainingSettings(int threads, int queueCapacity, int xgboostThreads, int roasRounds, int conversionTrees,
                               int historyDays, Duration abandonedAfter) {

    public TrainingSettings(@Value("${stratum.ml.training.threads:1}") int threads,
                            @Value("${stratum.ml.training.queue-capacity:8}") int queueCapacity,
                            @Value("${stratum.ml.training.xgboost-threads:1}") int xgboostThreads,
                            @Value("${stratum.ml.training.roas-rounds:100}") int roasRounds,
                            @Value("${stratum.ml.training.conversion-trees:100}") int conversionTrees,
                            @Value("${stratum.ml.training.history-days:400}") int historyDays,
                            @Value("${stratum.ml.training.abandoned-after:10m}") Duration abandonedAfter) {
        if (threads < 1 || queueCapacity < 1 || xgboostThreads < 1 || roasRounds < 1 || conversionTrees < 1
                || historyDays < 31 || abandonedAfter.isNegative() || abandonedAfter.isZero()) {
            throw new IllegalArgumentException("stratum.ml.training: threads, queue-capacity, xgboost-threads, roas-rounds "
                    + "and conversion-trees must be at least 1, history-days at least 31, abandoned-after positive");
        }
        this.threads = threads;
        this.queueCapacity = queueCapacity;
        this.xgboostThreads = xgboostThreads;
        this.roasRounds = roasRounds;
        this.conversionTrees = conversionTrees;
        this.historyDays = historyDays;
        this.abandonedAfter = abandonedAfter;
    }
}
