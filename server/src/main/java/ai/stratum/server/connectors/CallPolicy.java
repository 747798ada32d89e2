package ai.stratum.server.connectors;

import ai.stratum.plugin.api.ConnectorException;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

/**
 * The host's reaction to a failed plugin call, decided from the failure alone so that it can be
 * tested as a table: an expired token is refreshed once; a rate limit is waited out (with jitter,
 * never longer than the cap) a bounded number of times; everything else fails the call with a
 * message a person can act on. Anything a plugin throws that is not a {@link ConnectorException}
 * is a plugin fault, reported as such and never let through.
 */
final class CallPolicy {

    /** The wait when a platform says it is rate limited but not for how long. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
    /** The share of a wait added at random, so connections limited together do not retry together. */
    static final double JITTER = 0.2;

    private final Duration maxRateLimitWait;
    private final int rateLimitRetries;
    private final Duration callTimeout;
    private final DoubleSupplier random;

    CallPolicy(Duration maxRateLimitWait, int rateLimitRetries, Duration callTimeout, DoubleSupplier random) {
        this.maxRateLimitWait = maxRateLimitWait;
        this.rateLimitRetries = rateLimitRetries;
        this.callTimeout = callTimeout;
        this.random = random;
    }

    /** How far one call has got: whether its token was refreshed and how many rate-limit waits it had. */
    record Attempts(boolean refreshed, int rateLimitWaits) {

        static final Attempts FIRST = new Attempts(false, 0);

        Attempts afterRefresh() {
            return new Attempts(true, rateLimitWaits);
        }

        Attempts afterWait() {
            return new Attempts(refreshed, rateLimitWaits + 1);
        }
    }

    /**
     * @param failure  what the call failed with, as the plugin's stage completed
     * @param attempts how far the call has got
     * @param call     names the call in messages
     */
    CallStep next(Throwable failure, Attempts attempts, CallDescription call) {
        Throwable cause = unwrap(failure);
        if (!(cause instanceof ConnectorException connector)) {
            return new CallStep.Fail(failureOf(cause, call));
        }
        if (connector.failure() == ConnectorException.Failure.TOKEN_EXPIRED && !attempts.refreshed()) {
            return new CallStep.Refresh();
        }
        if (connector.failure() == ConnectorException.Failure.RATE_LIMITED) {
            Duration told = connector.retryAfter().orElse(DEFAULT_RATE_LIMIT_WAIT);
            if (told.compareTo(maxRateLimitWait) > 0) {
                return fail(CallFailure.RATE_LIMITED, call.platform() + " rate-limited " + call.what() + " and asks to wait "
                        + told + ", longer than the " + maxRateLimitWait + " this server waits; the next sync tries again", connector, call);
            }
            if (attempts.rateLimitWaits() >= rateLimitRetries) {
                return fail(CallFailure.RATE_LIMITED, call.platform() + " still rate-limited " + call.what() + " after "
                        + attempts.rateLimitWaits() + " waits: " + call.redact(connector.getMessage()), connector, call);
            }
            return new CallStep.Retry(jittered(told));
        }
        return new CallStep.Fail(failureOf(connector, call));
    }

    /** The failure for a throwable with no further attempt: refreshing a token, or a step after the last retry. */
    ConnectorCallException failureOf(Throwable failure, CallDescription call) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ConnectorCallException already) {
            return already;
        }
        if (cause instanceof ConnectorException connector) {
            String message = call.redact(connector.getMessage());
            return switch (connector.failure()) {
                case NEEDS_REAUTH -> new ConnectorCallException(CallFailure.NEEDS_REAUTH, call.platform()
                        + " refused the connection's credentials while " + call.what() + "; reconnect the account: " + message, message);
                case TOKEN_EXPIRED -> new ConnectorCallException(CallFailure.TOKEN_EXPIRED, call.platform()
                        + " still calls the access token expired after a refresh, while " + call.what() + ": " + message, message);
                case RATE_LIMITED -> new ConnectorCallException(CallFailure.RATE_LIMITED, call.platform() + " rate-limited "
                        + call.what() + ": " + message, message);
                case TRANSIENT -> new ConnectorCallException(CallFailure.TRANSIENT, call.platform() + " could not be reached while "
                        + call.what() + ", after the transport's retries: " + message, message);
                case MALFORMED_RESPONSE -> new ConnectorCallException(CallFailure.MALFORMED_RESPONSE, call.platform()
                        + " answered with a response the plugin could not read while " + call.what() + ": " + message, message);
                case REJECTED -> new ConnectorCallException(CallFailure.REJECTED, call.platform() + " rejected the request while "
                        + call.what() + connector.platformCode().map(code -> " (code " + code + ")").orElse("") + ": " + message, message);
            };
        }
        if (cause instanceof TimeoutException) {
            return new ConnectorCallException(CallFailure.TIMEOUT, "The " + call.connector() + " plugin did not finish "
                    + call.what() + " within " + callTimeout);
        }
        String detail = cause.getMessage() == null ? "" : ": " + call.redact(cause.getMessage());
        return new ConnectorCallException(CallFailure.PLUGIN_ERROR, "The " + call.connector() + " plugin failed while "
                + call.what() + " (" + cause.getClass().getSimpleName() + detail + ")");
    }

    private CallStep fail(CallFailure kind, String message, ConnectorException connector, CallDescription call) {
        return new CallStep.Fail(new ConnectorCallException(kind, message, call.redact(connector.getMessage())));
    }

    private Duration jittered(Duration told) {
        long millis = told.toMillis();
        long withJitter = millis + (long) (millis * JITTER * random.getAsDouble());
        return Duration.ofMillis(Math.min(withJitter, maxRateLimitWait.toMillis()));
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
