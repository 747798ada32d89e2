package ai.stratum.server.ml;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs a scheduled job's items one after another. An item that fails is logged and counted and the
 * batch goes on: one campaign's bad data, or one tenant's missing exchange rate, must not cost every
 * other campaign its forecast. An item refused for its input ({@link InvalidMlInputException}: a campaign
 * too young to forecast) is skipped, not failed. Counted as {@code stratum.ml.batch.items} by job and
 * outcome ({@code succeeded}, {@code skipped}, {@code failed}).
 */
final class MlBatch {

    private static final Logger LOG = LoggerFactory.getLogger(MlBatch.class);

    private final String job;
    private final MeterRegistry meters;

    MlBatch(String job, MeterRegistry meters) {
        this.job = job;
        this.meters = meters;
    }

    /**
     * @param items    what to do, in order
     * @param describe an item for the log (tenant and subject; never personal data)
     * @param work     does one item; may throw or fail its Mono
     * @return how each item ended, in order; never an error
     */
    <T> Mono<List<ItemOutcome>> run(Flux<T> items, Function<T, String> describe, Function<T, Mono<?>> work) {
        return items.concatMap(item -> Mono.defer(() -> work.apply(item))
                        .then(Mono.fromCallable(() -> outcome(describe.apply(item), Outcome.SUCCEEDED, null)))
                        .onErrorResume(error -> Mono.just(failed(describe.apply(item), error))))
                .collectList();
    }

    private ItemOutcome failed(String item, Throwable error) {
        if (error instanceof InvalidMlInputException invalid) {
            LOG.info("event=ml_batch_item_skipped job={} item={} reason=\"{}\"", job, item, invalid.getMessage().replace("\"", "'"));
            return outcome(item, Outcome.SKIPPED, invalid.getMessage());
        }
        LOG.error("event=ml_batch_item_failed job={} item={}", job, item, error);
        return outcome(item, Outcome.FAILED, error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    private ItemOutcome outcome(String item, Outcome outcome, String reason) {
        meters.counter("stratum.ml.batch.items", "job", job, "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
        return new ItemOutcome(item, outcome, reason);
    }

    enum Outcome {
        SUCCEEDED,
        SKIPPED,
        FAILED
    }

    /**
     * @param item   what it was
     * @param reason why it was skipped or failed; null when it succeeded
     */
    record ItemOutcome(String item, Outcome outcome, String reason) {
    }
}
