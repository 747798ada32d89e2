package ai.stratum.server.connectors;

import java.time.Duration;

/** What the host does after a failed plugin call. */
sealed interface CallStep {

    /** Call again after the wait. */
    record Retry(Duration delay) implements CallStep {
    }

    /** Refresh the connection's token through the platform's OAuthProvider, then call again. */
    record Refresh() implements CallStep {
    }

    /** Give up with this failure. */
    record Fail(ConnectorCallException failure) implements CallStep {
    }
}
