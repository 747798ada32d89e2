package ai.stratum.sandbox.platform;

import java.time.Duration;
import java.util.Objects;

/** A misbehaviour a simulated platform can be told to show on its next API requests. */
public sealed interface Fault {

    /** The platform's rate limit: its own error, with the wait it tells. */
    record RateLimit(Duration retryAfter) implements Fault {
        public RateLimit {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** An HTTP 5xx. */
    record ServerError(int status) implements Fault {
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error is 5xx: " + status);
            }
        }
    }

    /** A slow answer; the request is then answered normally. */
    record Latency(Duration delay) implements Fault {
        public Latency {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** A success status whose body is not the JSON the API promises. */
    record Malformed() implements Fault {
    }

    /** The access token presented expires now. */
    record TokenExpired() implements Fault {
    }

    /** The access token presented is revoked now (the user removed the app's access). */
    record TokenRevoked() implements Fault {
    }
}
