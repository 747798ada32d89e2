package ai.stratum.server.ml.models;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingExecutorTest {

    static final TrainingSettings ONE_THREAD_ONE_WAITING = new TrainingSettings(1, 1, 1, 100, 100, 400, Duration.ofMinutes(10));

    @Test
    void trainsOnThreadsNamedForTheJob() throws Exception {
        TrainingExecutor executor = new TrainingExecutor(ONE_THREAD_ONE_WAITING);
        CompletableFuture<String> name = new CompletableFuture<>();

        executor.submit(() -> name.complete(Thread.currentThread().getName()));

        assertThat(name.get(5, TimeUnit.SECONDS)).isEqualTo("ml-training-1");
        executor.stop();
    }

    @Test
    void aFullQueueRefusesMoreWorkInsteadOfGrowing() throws Exception {
        TrainingExecutor executor = new TrainingExecutor(ONE_THREAD_ONE_WAITING);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        executor.submit(() -> {
            running.countDown();
            await(release);
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        executor.submit(() -> { });

        assertThatThrownBy(() -> executor.submit(() -> { })).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        executor.stop();
    }

    @Test
    void refusesSettingsThatCannotRun() {
        assertThatThrownBy(() -> new TrainingSettings(0, 1, 1, 100, 100, 400, Duration.ofMinutes(10)))
                .hasMessageContaining("threads");
        assertThatThrownBy(() -> new TrainingSettings(1, 1, 1, 100, 100, 30, Duration.ofMinutes(10)))
                .hasMessageContaining("history-days");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
