package ai.stratum.server.cache;

import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;

/**
 * Short-lived string values shared by every server instance: cached predictions, rate-limit
 * counters. Keys are namespaced by the caller ({@code "login-failures:email:" + email}); an
 * implementation may add a deployment-wide prefix of its own. Any Java string is a valid key or
 * value and comes back unchanged.
 *
 * <p>Every entry expires: there is no write without a TTL, so nothing stored here outlives its
 * purpose. A TTL must be positive; Redis counts it in whole milliseconds, rounding up.
 *
 * <p>Nothing happens until the returned {@link Mono} is subscribed to, and no method blocks.
 */
public interface Cache {

    /** The value stored under {@code key}, or empty if there is none or it has expired. */
    Mono<Optional<String>> get(String key);

    /** Stores {@code value} under {@code key}, replacing any previous value and its TTL. */
    Mono<Void> put(String key, String value, Duration ttl);

    /** Removes {@code key}; emits whether there was a live entry to remove. */
    Mono<Boolean> delete(String key);

    /**
     * Adds one to the counter under {@code key} and emits the new count, atomically across all
     * server instances. A missing (or expired) counter starts at 1 and lives for {@code ttl};
     * later increments keep that expiry, so the count covers a fixed window from its first
     * increment — what throttling "5 failed logins in 15 minutes" needs. Fails if the key holds
     * a value that is not a whole number.
     */
    Mono<Long> increment(String key, Duration ttl);
}
