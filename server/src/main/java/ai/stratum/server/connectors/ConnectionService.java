package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A tenant's connected accounts: connecting (or reconnecting, which replaces the credentials),
 * listing, pausing and disconnecting. Any role reads; MEDIA_BUYER and up change. Every change is
 * audited in its own transaction; credentials appear in neither the audit trail nor any answer.
 */
@Singleton
public class ConnectionService {

    private final Database database;
    private final ConnectionRepository connections;
    private final CredentialCipher cipher;
    private final PluginLookup plugins;
    private final AuditLog audit;
    private final ActivityFeed activity;

    ConnectionService(Database database, ConnectionRepository connections, CredentialCipher cipher, PluginLookup plugins,
                      AuditLog audit, ActivityFeed activity) {
        this.database = database;
        this.connections = connections;
        this.cipher = cipher;
        this.plugins = plugins;
        this.audit = audit;
        this.activity = activity;
    }

    public Mono<AccountConnection> connect(Caller caller, String requestId, ConnectAccountInput input) {
        caller.require(Role.MEDIA_BUYER);
        if (plugins.connectors(input.platform()).isEmpty()) {
            throw ApiException.badInput("input.platform", "No installed plugin connects to " + input.platform()
                    + "; install its plugin first (the plugins query lists what is installed)");
        }
        return activity.afterCommit(database.inTenantOne(caller.tenant(), connection -> store(connection, caller, requestId,
                input.platform(), input.accountId(), input.displayName(), input.credentials())));
    }

    /**
     * Stores an account's credentials in the caller's transaction: a new connection, or new
     * credentials (and ACTIVE again) for the tenant's existing connection of the account. The
     * credentials are sealed for the row that will hold them, so a concurrent first connection of
     * the same account cannot leave a ciphertext sealed for another id.
     */
    Mono<Audited<AccountConnection>> store(Connection connection, Caller caller, String requestId, Platform platform,
                                           String accountId, Optional<String> displayName, Credentials credentials) {
        TenantId tenant = caller.tenant();
        UUID fresh = UUID.randomUUID();
        Credentials stored = ConnectorContexts.storable(credentials);
        return connections.insert(connection, tenant, fresh, platform, accountId, displayName.orElse(accountId),
                        cipher.seal(tenant, fresh, stored), caller.userId())
                .map(created -> new Stored(created, "connection.connected"))
                .switchIfEmpty(Mono.defer(() -> connections.lockByAccount(connection, tenant, platform, accountId)
                        .flatMap(id -> connections.reconnect(connection, tenant, id, displayName.orElse(null),
                                cipher.seal(tenant, id, stored)))
                        .map(updated -> new Stored(updated, "connection.reconnected"))))
                .flatMap(result -> audit.record(connection, caller, requestId, event(result.action(), result.connection()))
                        .map(recorded -> new Audited<>(result.connection(), recorded)));
    }

    public Flux<AccountConnection> list(Caller caller) {
        return database.inTenant(caller.tenant(), connection -> connections.all(connection, caller.tenant()));
    }

    Mono<AccountConnection> get(Caller caller, UUID id) {
        return database.inTenantOne(caller.tenant(), connection -> connections.find(connection, caller.tenant(), id))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No connection with id " + id)));
    }

    Mono<Boolean> disconnect(Caller caller, String requestId, UUID id) {
        caller.require(Role.MEDIA_BUYER);
        TenantId tenant = caller.tenant();
        Mono<Audited<Boolean>> deleted = database.inTenantOne(tenant, connection -> connections.find(connection, tenant, id)
                .flatMap(found -> connections.delete(connection, tenant, id)
                        .then(audit.record(connection, caller, requestId, event("connection.disconnected", found)))
                        .map(recorded -> new Audited<>(true, recorded))));
        return activity.afterCommit(deleted).defaultIfEmpty(false);
    }

    Mono<AccountConnection> pause(Caller caller, String requestId, UUID id) {
        return move(caller, requestId, id, ConnectionStatus.ACTIVE, ConnectionStatus.PAUSED, "connection.paused");
    }

    Mono<AccountConnection> resume(Caller caller, String requestId, UUID id) {
        return move(caller, requestId, id, ConnectionStatus.PAUSED, ConnectionStatus.ACTIVE, "connection.resumed");
    }

    /** The tenant's connection of an account, in whatever status; empty when the account is not connected. */
    public Mono<AccountConnection> forAccount(TenantId tenant, Platform platform, String accountId) {
        return database.inTenantOne(tenant, connection -> connections.findByAccount(connection, tenant, platform, accountId));
    }

    private Mono<AccountConnection> move(Caller caller, String requestId, UUID id, ConnectionStatus from, ConnectionStatus to,
                                         String action) {
        caller.require(Role.MEDIA_BUYER);
        TenantId tenant = caller.tenant();
        return activity.afterCommit(database.inTenantOne(tenant, connection -> connections.find(connection, tenant, id)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("No connection with id " + id)))
                .flatMap(found -> connections.transition(connection, tenant, id, from, to)
                        .switchIfEmpty(Mono.error(() -> ApiException.conflict("Connection " + id + " is " + found.status()
                                + ", not " + from)))
                        .flatMap(moved -> audit.record(connection, caller, requestId, event(action, moved))
                                .map(recorded -> new Audited<>(moved, recorded))))));
    }

    private static AuditEvent event(String action, AccountConnection connection) {
        return new AuditEvent(action, "connection", connection.id().toString(),
                Map.of("platform", connection.platform().name(), "accountId", connection.accountId()));
    }

    private record Stored(AccountConnection connection, String action) {
    }
}
