package ai.stratum.plugins.tiktok;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Small helpers for composing the plugin's asynchronous calls. */
final class Stages {

    private Stages() {
    }

    /**
     * Runs a step that builds a stage, turning anything it throws while building (a missing
     * token, an action TikTok cannot apply) into a failed stage, as the SPI asks.
     */
    static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Runs one call per item, strictly one after the other (a failure stops the rest), and
     * collects the results in order.
     */
    static <I, O> CompletionStage<List<O>> sequentially(List<I> items, Function<I, CompletionStage<O>> call) {
        CompletionStage<List<O>> chain = CompletableFuture.completedFuture(List.of());
        for (I item : items) {
            chain = chain.thenCompose(done -> call.apply(item).thenApply(result -> append(done, result)));
        }
        return chain;
    }

    private static <O> List<O> append(List<O> done, O result) {
        var all = new java.util.ArrayList<O>(done.size() + 1);
        all.addAll(done);
        all.add(result);
        return List.copyOf(all);
    }
}
