package ai.stratum.server.ml.models;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads model training runs on: a fixed pool ({@code stratum.ml.training.threads}) with a bounded
 * queue, its threads named {@code ml-training-N}. Training is seconds to minutes of CPU, so it never runs
 * on an event loop or a shared pool; a full queue refuses more work instead of growing. A second,
 * one-thread scheduler ({@code ml-training-heartbeat}) keeps open jobs' heartbeats fresh.
 */
@Singleton
public class TrainingExecutor {

    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService heartbeat;

    public TrainingExecutor(TrainingSettings settings) {
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()), named("ml-training-"));
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(named("ml-training-heartbeat-"));
    }

    /**
     * @param job the training
     * @throws RejectedExecutionException when the queue is full or the server is stopping
     */
    public void submit(Runnable job) {
        pool.execute(job);
    }

    /** Runs {@code beat} every {@code period} until the server stops. */
    void everyPeriod(Runnable beat, long period, TimeUnit unit) {
        heartbeat.scheduleWithFixedDelay(beat, period, period, unit);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        pool.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
