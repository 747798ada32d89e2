package ai.stratum.server.cdp.ingest;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

/**
 * Stores the requests that arrive for one key while that key's transaction runs together, in its
 * next transaction. One tenant's ingestion is serialized by its identity lock, so without this its
 * requests would queue on the lock and each pay the lock, a dozen round trips and a commit for its
 * own few events; grouped, they pay them once. Every request is still answered only after the
 * transaction that stored it committed.
 *
 * <p>A group takes requests in arrival order up to {@code maxWeight} (a single request heavier than
 * that goes alone). When a group's transaction fails, its requests are retried one by one, each in its
 * own transaction, so one request's fault fails that request only.
 *
 * @param <K> what serializes the transactions (a source: one tenant's, into one source)
 * @param <R> a request
 * @param <A> a request's answer
 */
final class GroupCommit<K, R, A> {

    /** Stores requests in one transaction; answers them in their order once it committed. */
    @FunctionalInterface
    interface Committer<K, R, A> {
        Mono<List<A>> commit(K key, List<R> requests);
    }

    private final ToIntFunction<R> weight;
    private final int maxWeight;
    private final Committer<K, R, A> committer;
    /** One lane per key ever seen: keys are sources, few and long-lived, so lanes are kept rather than raced over. */
    private final ConcurrentHashMap<K, Lane<R, A>> lanes = new ConcurrentHashMap<>();

    GroupCommit(ToIntFunction<R> weight, int maxWeight, Committer<K, R, A> committer) {
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be at least 1");
        }
        this.weight = weight;
        this.maxWeight = maxWeight;
        this.committer = committer;
    }

    /** The request's answer, once the transaction that stored it committed. */
    Mono<A> submit(K key, R request) {
        return Mono.defer(() -> {
            Sinks.One<A> answer = Sinks.one();
            Lane<R, A> lane = lanes.computeIfAbsent(key, k -> new Lane<>());
            lane.waiting.add(new Waiting<>(request, answer));
            drain(key, lane);
            return answer.asMono();
        });
    }

    /** Starts the lane's next transaction unless one runs; the one running starts the next when it ends. */
    private void drain(K key, Lane<R, A> lane) {
        while (lane.running.compareAndSet(false, true)) {
            List<Waiting<R, A>> group = take(lane.waiting);
            if (!group.isEmpty()) {
                commit(key, group)
                        .doFinally(signal -> {
                            lane.running.set(false);
                            drain(key, lane);
                        })
                        .subscribe();
                return;
            }
            lane.running.set(false);
            // a request queued between take and release found the lane running: look once more
            if (lane.waiting.isEmpty()) {
                return;
            }
        }
    }

    /** Only the lane's one running drain takes, so peeking and then polling is safe. */
    private List<Waiting<R, A>> take(Queue<Waiting<R, A>> waiting) {
        List<Waiting<R, A>> group = new ArrayList<>();
        int taken = 0;
        for (Waiting<R, A> next = waiting.peek(); next != null; next = waiting.peek()) {
            int size = weight.applyAsInt(next.request());
            if (!group.isEmpty() && taken + size > maxWeight) {
                break;
            }
            group.add(waiting.poll());
            taken += size;
        }
        return group;
    }

    private Mono<Void> commit(K key, List<Waiting<R, A>> group) {
        return committed(key, group)
                .doOnNext(answers -> answerAll(group, answers))
                .then()
                .onErrorResume(failure -> group.size() == 1
                        ? Mono.fromRunnable(() -> group.get(0).answer().tryEmitError(failure))
                        : Flux.fromIterable(group).concatMap(one -> commit(key, List.of(one))).then());
    }

    private Mono<List<A>> committed(K key, List<Waiting<R, A>> group) {
        List<R> requests = group.stream().map(Waiting::request).toList();
        return Mono.defer(() -> committer.commit(key, requests))
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("a group's transaction ended without answers")))
                .flatMap(answers -> answers.size() == group.size() ? Mono.just(answers)
                        : Mono.error(new IllegalStateException(answers.size() + " answers for " + group.size() + " requests")));
    }

    private void answerAll(List<Waiting<R, A>> group, List<A> answers) {
        for (int i = 0; i < group.size(); i++) {
            group.get(i).answer().tryEmitValue(answers.get(i));
        }
    }

    private record Waiting<R, A>(R request, Sinks.One<A> answer) {
    }

    private static final class Lane<R, A> {
        final Queue<Waiting<R, A>> waiting = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean();
    }
}
