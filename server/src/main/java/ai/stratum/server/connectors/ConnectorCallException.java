package ai.stratum.server.connectors;

import java.util.Objects;

/**
 * A plugin call that failed after the host's policy (refresh, waits) ran out. The message is meant
 * for people (a sync run's error, an action's failure reason): it names the platform, what was
 * being done and the platform's own words, and never holds a credential.
 */
public final class ConnectorCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CallFailure failure;
    private final String platformMessage;

    ConnectorCallException(CallFailure failure, String message, String platformMessage) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.platformMessage = platformMessage == null ? message : platformMessage;
    }

    ConnectorCallException(CallFailure failure, String message) {
        this(failure, message, message);
    }

    public CallFailure failure() {
        return failure;
    }

    /** @return the platform's (or plugin's) own words, which a NEEDS_REAUTH connection shows as its last error */
    public String platformMessage() {
        return platformMessage;
    }
}
