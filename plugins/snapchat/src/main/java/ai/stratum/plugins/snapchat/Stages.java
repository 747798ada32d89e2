package ai.stratum.plugins.snapchat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** Keeps the SPI's promise that failures arrive as failed stages, never as exceptions thrown by the call. */
final class Stages {

    private Stages() {
    }

    /** Runs {@code body}; an exception it throws before returning a stage fails the stage instead. */
    static <T> CompletionStage<T> guarded(Supplier<CompletionStage<T>> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }
}
