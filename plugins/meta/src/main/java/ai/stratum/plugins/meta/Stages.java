package ai.stratum.plugins.meta;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Keeps the extensions' contract that failures arrive as failed stages, never as thrown exceptions. */
final class Stages {

    private Stages() {
    }

    /** @return the supplier's stage, or a stage failed with what the supplier threw */
    static <T> CompletionStage<T> defer(Supplier<CompletionStage<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }
}
