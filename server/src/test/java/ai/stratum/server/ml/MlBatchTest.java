package ai.stratum.server.ml;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MlBatchTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MlBatch batch = new MlBatch("test-job", meters);

    @Test
    void goesOnPastItemsThatFailAndCountsEachOutcome() {
        List<Integer> done = new ArrayList<>();

        List<MlBatch.ItemOutcome> outcomes = batch.run(Flux.range(1, 6), i -> "item=" + i, i -> {
            if (i == 2) {
                throw new IllegalStateException("thrown while building the work");
            }
            if (i == 3) {
                return Mono.error(new IllegalStateException("failed while working"));
            }
            if (i == 5) {
                return Mono.error(new InvalidMlInputException("history", "too short"));
            }
            return Mono.fromRunnable(() -> done.add(i));
        }).block(Duration.ofSeconds(5));

        assertThat(done).containsExactly(1, 4, 6);
        assertThat(outcomes).extracting(MlBatch.ItemOutcome::outcome).containsExactly(MlBatch.Outcome.SUCCEEDED,
                MlBatch.Outcome.FAILED, MlBatch.Outcome.FAILED, MlBatch.Outcome.SUCCEEDED, MlBatch.Outcome.SKIPPED,
                MlBatch.Outcome.SUCCEEDED);
        assertThat(outcomes.get(1).reason()).isEqualTo("IllegalStateException: thrown while building the work");
        assertThat(outcomes.get(4).reason()).isEqualTo("history: too short");
        assertThat(outcomes.get(0).reason()).isNull();
        assertThat(count("succeeded")).isEqualTo(3);
        assertThat(count("failed")).isEqualTo(2);
        assertThat(count("skipped")).isEqualTo(1);
    }

    @Test
    void runsItemsOneAfterAnother() {
        List<String> events = new ArrayList<>();

        batch.run(Flux.just("a", "b"), item -> item, item -> Mono.delay(Duration.ofMillis("a".equals(item) ? 50 : 1))
                .doOnSubscribe(s -> events.add("start " + item)).doOnNext(x -> events.add("end " + item))).block(Duration.ofSeconds(5));

        assertThat(events).containsExactly("start a", "end a", "start b", "end b");
    }

    private double count(String outcome) {
        return meters.counter("stratum.ml.batch.items", "job", "test-job", "outcome", outcome).count();
    }
}
