package ai.stratum.connector.host;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the host's HTTP transport is with a platform.
 *
 * @param connectTimeout   longest wait for a TCP/TLS connection
 * @param requestTimeout   longest wait for a whole response
 * @param maxRetries       retries after the first attempt, for timeouts, connection failures, 5xx
 *                         answers of repeatable requests and 429 answers
 * @param initialBackoff   the first retry's delay when the platform names none; doubles per retry
 * @param maxBackoff       cap of the computed backoff
 * @param jitter           the share of each delay that is randomised (0.25 = ±25 %), so many
 *                         connections that failed together do not retry together
 * @param maxRetryAfter    the longest {@code Retry-After} the transport waits out itself; a longer
 *                         one fails the call as rate limited, for the caller to reschedule
 * @param requestsPerSecond the most requests per second sent for one account
 */
public record TransportPolicy(Duration connectTimeout, Duration requestTimeout, int maxRetries,
                              Duration initialBackoff, Duration maxBackoff, double jitter, Duration maxRetryAfter,
                              int requestsPerSecond) {

    public TransportPolicy {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and its cap at least the first delay");
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1): " + jitter);
        }
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond must be at least 1: " + requestsPerSecond);
        }
    }

    /** @return production defaults: 10 s connect, 60 s per request, 4 retries from 1 s to 30 s, Retry-After up to 2 min, 20 requests/s */
    public static TransportPolicy defaults() {
        return new TransportPolicy(Duration.ofSeconds(10), Duration.ofSeconds(60), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(30), 0.25, Duration.ofMinutes(2), 20);
    }

    /** @return this policy with another retry count */
    public TransportPolicy withMaxRetries(int retries) {
        return new TransportPolicy(connectTimeout, requestTimeout, retries, initialBackoff, maxBackoff, jitter,
                maxRetryAfter, requestsPerSecond);
    }

    /** @return this policy with other backoff delays, for tests that should not wait seconds */
    public TransportPolicy withBackoff(Duration initial, Duration max) {
        return new TransportPolicy(connectTimeout, requestTimeout, maxRetries, initial, max, jitter, maxRetryAfter,
                requestsPerSecond);
    }

    /** @return this policy with another request timeout */
    public TransportPolicy withRequestTimeout(Duration timeout) {
        return new TransportPolicy(connectTimeout, timeout, maxRetries, initialBackoff, maxBackoff, jitter,
                maxRetryAfter, requestsPerSecond);
    }

    /** @return this policy with another cap on the Retry-After it waits out */
    public TransportPolicy withMaxRetryAfter(Duration max) {
        return new TransportPolicy(connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff, jitter, max,
                requestsPerSecond);
    }

    /** @return this policy with another per-account request rate */
    public TransportPolicy withRequestsPerSecond(int perSecond) {
        return new TransportPolicy(connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff, jitter,
                maxRetryAfter, perSecond);
    }
}
