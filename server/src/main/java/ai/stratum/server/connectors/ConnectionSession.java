package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One connection's credentials for the length of a sync or an action: opened once, replaced when a
 * refresh brings new ones, so every later call of the same sync uses the fresh token.
 */
final class ConnectionSession {

    private final AccountConnection connection;
    private final AtomicReference<Credentials> credentials;

    ConnectionSession(AccountConnection connection, Credentials credentials) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.credentials = new AtomicReference<>(Objects.requireNonNull(credentials, "credentials"));
    }

    AccountConnection connection() {
        return connection;
    }

    Credentials credentials() {
        return credentials.get();
    }

    void replace(Credentials fresh) {
        credentials.set(Objects.requireNonNull(fresh, "fresh"));
    }

    @Override
    public String toString() {
        return "ConnectionSession[" + connection.label() + "]";
    }
}
