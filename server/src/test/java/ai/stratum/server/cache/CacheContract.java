package ai.stratum.server.cache;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What every {@link Cache} does, whichever backend holds the entries. A subclass supplies the
 * implementation; every assertion here must hold for each of them.
 */
public abstract class CacheContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LONG_TTL = Duration.ofMinutes(10);
    private static final Duration SHORT_TTL = Duration.ofMillis(200);
    /** Short, yet long enough that no stall of a busy test machine runs it out before the next step. */
    private static final Duration STEP_SAFE_TTL = Duration.ofSeconds(2);

    private Cache cache;

    /** A cache for one test; tests use fresh random keys, so it may share state with others. */
    protected abstract Cache newCache();

    @BeforeEach
    void createCache() {
        cache = newCache();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "ünïcödé — 東京 🚀", "line\nbreak\ttab\u0000nul\r\n", "{\"roas\":3.25}"})
    void returnsAnyStringItWasGiven(String value) {
        String key = newKey();

        cache.put(key, value, LONG_TTL).block(TIMEOUT);

        assertThat(get(key)).contains(value);
    }

    @Test
    void acceptsAnyStringAsKey() {
        String key = newKey() + " with spaces, colons: * ? [globs] and ü 🚀";

        cache.put(key, "v", LONG_TTL).block(TIMEOUT);

        assertThat(get(key)).contains("v");
        assertThat(get(key.replace("*", "x"))).isEmpty();
    }

    @Test
    void holdsLargeValues() {
        String key = newKey();
        String value = "x".repeat(1_000_000);

        cache.put(key, value, LONG_TTL).block(TIMEOUT);

        assertThat(get(key)).contains(value);
    }

    @Test
    void missingKeyIsEmpty() {
        assertThat(get(newKey())).isEmpty();
    }

    @Test
    void putReplacesThePreviousValue() {
        String key = newKey();

        cache.put(key, "first", LONG_TTL).block(TIMEOUT);
        cache.put(key, "second", LONG_TTL).block(TIMEOUT);

        assertThat(get(key)).contains("second");
    }

    @Test
    void entryExpiresAfterItsTtl() {
        String key = newKey();

        cache.put(key, "v", SHORT_TTL).block(TIMEOUT);

        eventually(() -> cache.get(key), Optional::isEmpty);
    }

    @Test
    void putRestartsTheTtl() {
        String key = newKey();
        String yardstick = newKey();
        cache.put(key, "short-lived", STEP_SAFE_TTL).block(TIMEOUT);

        cache.put(key, "long-lived", LONG_TTL).block(TIMEOUT);

        // An entry written after the first put with the same TTL: once it has gone, so would
        // the first put's entry have — unless the second put restarted its clock.
        cache.put(yardstick, "v", STEP_SAFE_TTL).block(TIMEOUT);
        eventually(() -> cache.get(yardstick), Optional::isEmpty);
        assertThat(get(key)).contains("long-lived");
    }

    @Test
    void deleteRemovesTheEntryAndReportsWhetherThereWasOne() {
        String key = newKey();
        cache.put(key, "v", LONG_TTL).block(TIMEOUT);

        assertThat(cache.delete(key).block(TIMEOUT)).isTrue();
        assertThat(get(key)).isEmpty();
        assertThat(cache.delete(key).block(TIMEOUT)).isFalse();
    }

    @Test
    void deleteOfAnExpiredEntryReportsNone() {
        String key = newKey();
        cache.put(key, "v", SHORT_TTL).block(TIMEOUT);
        eventually(() -> cache.get(key), Optional::isEmpty);

        assertThat(cache.delete(key).block(TIMEOUT)).isFalse();
    }

    @Test
    void incrementCountsUpFromOne() {
        String key = newKey();

        assertThat(cache.increment(key, LONG_TTL).block(TIMEOUT)).isEqualTo(1);
        assertThat(cache.increment(key, LONG_TTL).block(TIMEOUT)).isEqualTo(2);
        assertThat(cache.increment(key, LONG_TTL).block(TIMEOUT)).isEqualTo(3);
        assertThat(get(key)).contains("3");
    }

    @Test
    void incrementContinuesFromAStoredNumber() {
        String key = newKey();
        cache.put(key, "41", LONG_TTL).block(TIMEOUT);

        assertThat(cache.increment(key, LONG_TTL).block(TIMEOUT)).isEqualTo(42);
    }

    @Test
    void incrementKeepsTheTtlOfTheFirstIncrement() {
        String key = newKey();
        assertThat(cache.increment(key, STEP_SAFE_TTL).block(TIMEOUT)).isEqualTo(1);

        assertThat(cache.increment(key, LONG_TTL).block(TIMEOUT)).isEqualTo(2);

        // The second increment did not move the expiry: the window closes STEP_SAFE_TTL after the first.
        eventually(() -> cache.get(key), Optional::isEmpty);
    }

    @Test
    void incrementAfterExpiryStartsAgainFromOne() {
        String key = newKey();
        cache.increment(key, SHORT_TTL).block(TIMEOUT);
        cache.increment(key, SHORT_TTL).block(TIMEOUT);
        eventually(() -> cache.get(key), Optional::isEmpty);

        assertThat(cache.increment(key, LONG_TTL).block(TIMEOUT)).isEqualTo(1);
    }

    @Test
    void concurrentIncrementsNeverLoseACount() {
        String key = newKey();
        int increments = 200;

        List<Long> counts = Flux.range(0, increments)
                .flatMap(i -> cache.increment(key, LONG_TTL).subscribeOn(Schedulers.parallel()), 32)
                .collectList()
                .block(TIMEOUT);

        assertThat(counts).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, increments).boxed().toList());
        assertThat(get(key)).contains(Integer.toString(increments));
    }

    @Test
    void incrementOfANonNumberFailsAndLeavesTheValue() {
        String key = newKey();
        cache.put(key, "not a number", LONG_TTL).block(TIMEOUT);

        StepVerifier.create(cache.increment(key, LONG_TTL)).expectError().verify(TIMEOUT);

        assertThat(get(key)).contains("not a number");
    }

    @Test
    void rejectsATtlThatIsNotPositive() {
        String key = newKey();

        assertThatIllegalArgumentException().isThrownBy(() -> cache.put(key, "v", Duration.ZERO));
        assertThatIllegalArgumentException().isThrownBy(() -> cache.put(key, "v", Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> cache.increment(key, Duration.ZERO));
    }

    @Test
    void subMillisecondTtlStillExpires() {
        String key = newKey();

        cache.put(key, "v", Duration.ofNanos(1_500)).block(TIMEOUT);

        eventually(() -> cache.get(key), Optional::isEmpty);
    }

    @Test
    void nothingHappensUntilSubscribed() {
        String key = newKey();

        Mono<Void> put = cache.put(key, "v", LONG_TTL);

        assertThat(get(key)).isEmpty();
        put.block(TIMEOUT);
        assertThat(get(key)).contains("v");
    }

    private Optional<String> get(String key) {
        return cache.get(key).block(TIMEOUT);
    }

    private static String newKey() {
        return "test:" + UUID.randomUUID();
    }

    /** Polls until {@code done} holds, failing after {@link #TIMEOUT}: TTLs pass on a real clock. */
    private static <T> void eventually(Supplier<Mono<T>> probe, java.util.function.Predicate<T> done) {
        Mono.defer(probe)
                .filter(done)
                .repeatWhenEmpty(attempts -> attempts.delayElements(Duration.ofMillis(20)))
                .timeout(TIMEOUT, Mono.error(() -> new AssertionError("condition not met within " + TIMEOUT)))
                .block();
    }
}
