package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.server.database.Database;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Reads and writes a connection's credentials, sealed, each in a transaction of its own (a refreshed
 * token must be kept even if the sync that needed it fails later), and records what makes a
 * connection unusable: unreadable credentials (ERROR) and credentials the platform refused
 * (NEEDS_REAUTH).
 */
@Singleton
class CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialStore.class);

    private final Database database;
    private final ConnectionRepository connections;
    private final CredentialCipher cipher;

    CredentialStore(Database database, ConnectionRepository connections, CredentialCipher cipher) {
        this.database = database;
        this.connections = connections;
        this.cipher = cipher;
    }

    /** Opens the connection's credentials for a sync or an action; unreadable ones mark it ERROR. */
    Mono<ConnectionSession> open(AccountConnection connection) {
        return load(connection.tenant(), connection.id())
                .map(credentials -> new ConnectionSession(connection, credentials))
                .switchIfEmpty(Mono.error(() -> new ConnectorCallException(CallFailure.CREDENTIALS_UNREADABLE,
                        "Connection " + connection.id() + " no longer exists (disconnected)")))
                .onErrorResume(CredentialsUnreadableException.class, unreadable -> database.inTenantOne(connection.tenant(),
                                c -> connections.setStatus(c, connection.tenant(), connection.id(), ConnectionStatus.ERROR,
                                        unreadable.getMessage()))
                        .doOnNext(marked -> LOG.warn("event=connection_credentials_unreadable tenant={} connection={} platform={}",
                                connection.tenant(), connection.id(), connection.platform()))
                        .then(Mono.error(new ConnectorCallException(CallFailure.CREDENTIALS_UNREADABLE, unreadable.getMessage()))));
    }

    /** The stored credentials as they are now; empty when the connection is gone. */
    Mono<Credentials> load(TenantId tenant, UUID connectionId) {
        return database.inTenantOne(tenant, c -> connections.sealed(c, tenant, connectionId))
                .map(sealed -> cipher.open(tenant, connectionId, sealed));
    }

    /** Seals and stores credentials a refresh brought. */
    Mono<Void> replace(TenantId tenant, UUID connectionId, Credentials credentials) {
        SealedCredentials sealed = cipher.seal(tenant, connectionId, credentials);
        return database.inTenantOne(tenant, c -> connections.replaceCredentials(c, tenant, connectionId, sealed)).then();
    }

    /** The platform refused the credentials: nothing runs until a person reconnects. */
    Mono<Void> needsReauth(AccountConnection connection, String platformMessage) {
        LOG.warn("event=connection_needs_reauth tenant={} connection={} platform={}", connection.tenant(), connection.id(),
                connection.platform());
        return database.inTenantOne(connection.tenant(), c -> connections.setStatus(c, connection.tenant(), connection.id(),
                ConnectionStatus.NEEDS_REAUTH, platformMessage)).then();
    }
}
