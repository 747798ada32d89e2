package ai.stratum.server.ml;

import jakarta.inject.Named;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Where ML computations run: the bounded {@code ml} executor ({@code STRATUM_ML_THREADS}, 2 by default),
 * never an event-loop or R2DBC thread. A 100,000-run simulation takes tens of milliseconds of CPU.
 */
@Singleton
public class MlComputation {

    private final Scheduler scheduler;

    public MlComputation(@Named("ml") ExecutorService executor) {
        this.scheduler = Schedulers.fromExecutorService(executor, "ml");
    }

    /** @return the work's result, computed on the ML executor when subscribed to */
    public <T> Mono<T> run(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }
}
