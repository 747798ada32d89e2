package ai.stratum.plugin.api;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure the host knows how to react to. Fail a connector's stage with one of these (or throw
 * it) whenever the platform's answer means one of the {@link Failure} cases; anything else is
 * treated as a bug in the connector.
 *
 * <p>Messages are shown to operators and stored with sync runs: say what the platform said
 * (its error code and message), never include tokens or personal data.
 */
public final class ConnectorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The cases the host distinguishes, each with its own reaction. */
    public enum Failure {
        /** The platform asked to slow down. The host waits {@link #retryAfter()} (or backs off) and retries. */
        RATE_LIMITED,
        /** The access token has expired. The host refreshes it through {@link OAuthProvider} and retries once. */
        TOKEN_EXPIRED,
        /** The token is revoked or invalid. The host marks the connection NEEDS_REAUTH with this message. */
        NEEDS_REAUTH,
        /** A temporary fault (5xx, timeout, platform busy). The host retries with backoff, a bounded number of times. */
        TRANSIENT,
        /** The answer does not have the documented shape. The host fails the sync and writes nothing of it. */
        MALFORMED_RESPONSE,
        /** The platform refused the request (invalid value, entity not found, policy). The host does not retry. */
        REJECTED
    }

    /** Which case this is. */
    private final Failure failure;
    /** How long the platform asked to wait; null when it did not say. */
    private final Duration retryAfter;
    /** The platform's own error code; null when it gave none. */
    private final String platformCode;

    private ConnectorException(Failure failure, String message, Duration retryAfter, String platformCode,
            Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryAfter = retryAfter;
        this.platformCode = platformCode;
    }

    /**
     * The platform asked to slow down.
     *
     * @param message    what the platform said
     * @param retryAfter how long the platform asked to wait, or {@code null} when it did not say
     * @return the exception
     */
    public static ConnectorException rateLimited(String message, Duration retryAfter) {
        return new ConnectorException(Failure.RATE_LIMITED, message, retryAfter, null, null);
    }

    /**
     * The access token has expired and may be refreshed.
     *
     * @param message what the platform said
     * @return the exception
     */
    public static ConnectorException tokenExpired(String message) {
        return new ConnectorException(Failure.TOKEN_EXPIRED, message, null, null, null);
    }

    /**
     * The token is revoked or invalid; only a new authorization helps.
     *
     * @param message what the platform said
     * @return the exception
     */
    public static ConnectorException needsReauth(String message) {
        return new ConnectorException(Failure.NEEDS_REAUTH, message, null, null, null);
    }

    /**
     * A temporary fault worth retrying.
     *
     * @param message what went wrong
     * @param cause   the underlying failure, or {@code null}
     * @return the exception
     */
    public static ConnectorException transientFailure(String message, Throwable cause) {
        return new ConnectorException(Failure.TRANSIENT, message, null, null, cause);
    }

    /**
     * The platform's answer does not have the documented shape.
     *
     * @param message what was expected and what came
     * @param cause   the parse failure, or {@code null}
     * @return the exception
     */
    public static ConnectorException malformedResponse(String message, Throwable cause) {
        return new ConnectorException(Failure.MALFORMED_RESPONSE, message, null, null, cause);
    }

    /**
     * The platform refused the request.
     *
     * @param message      what the platform said
     * @param platformCode the platform's error code, or {@code null} when it gave none
     * @return the exception
     */
    public static ConnectorException rejected(String message, String platformCode) {
        return new ConnectorException(Failure.REJECTED, message, null, platformCode, null);
    }

    /**
     * Which case this is.
     *
     * @return the failure case
     */
    public Failure failure() {
        return failure;
    }

    /**
     * How long the platform asked to wait, for {@link Failure#RATE_LIMITED}.
     *
     * @return the wait, or empty when the platform did not say
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * The platform's own error code, for {@link Failure#REJECTED}.
     *
     * @return the code, or empty
     */
    public Optional<String> platformCode() {
        return Optional.ofNullable(platformCode);
    }
}
