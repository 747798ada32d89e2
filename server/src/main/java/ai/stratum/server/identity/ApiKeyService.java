package ai.stratum.server.identity;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.LookupKeys;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys for scripts and integrations. A person creates keys with a role no higher than their
 * own; a key cannot create keys. The plaintext key is returned once and only its hash is kept.
 */
@Singleton
public class ApiKeyService {

    private final Database database;
    private final ApiKeyRepository keys;
    private final AuditLog audit;
    private final ActivityFeed activity;

    public ApiKeyService(Database database, ApiKeyRepository keys, AuditLog audit, ActivityFeed activity) {
        this.activity = activity;
        this.database = database;
        this.keys = keys;
        this.audit = audit;
    }

    public Mono<CreatedKey> create(Caller caller, String requestId, String name, Role role) {
        if (caller.viaApiKey()) {
            throw ApiException.forbidden("An API key cannot create API keys");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw ApiException.badInput("input.name", "API key name must be 1 to 200 characters");
        }
        if (!caller.role().canGrant(role)) {
            throw ApiException.forbidden("A " + caller.role() + " cannot create a key with the " + role + " role");
        }
        LookupKeys.NewKey key = LookupKeys.API_KEYS.generate();
        return activity.afterCommit(database.inTenantOne(caller.tenant(), connection ->
                keys.insert(connection, caller.tenant(), trimmed, role, key.lookup(), key.secretHash(), caller.userId())
                        .flatMap(stored -> audit.record(connection, caller, requestId,
                                        new AuditEvent("api_key.created", "api_key", stored.id().toString(), Map.of("role", role.name())))
                                .map(event -> new Audited<>(new CreatedKey(key.plaintext(), stored), event)))));
    }

    /** Revokes the caller's own key, or any key of the tenant for a TENANT_ADMIN. Revoking twice is harmless. */
    public Mono<Boolean> revoke(Caller caller, String requestId, UUID id) {
        return database.inTenantOne(caller.tenant(), connection -> keys.findById(connection, caller.tenant(), id)
                .switchIfEmpty(Mono.error(ApiException.notFound("No API key with id " + id)))
                .flatMap(key -> {
                    if (!key.createdBy().equals(caller.userId()) && !caller.role().atLeast(Role.TENANT_ADMIN)) {
                        return Mono.error(ApiException.forbidden("Only its creator or a TENANT_ADMIN may revoke this key"));
                    }
                    return keys.revoke(connection, caller.tenant(), id)
                            .filter(changed -> changed > 0)
                            .flatMap(changed -> audit.record(connection, caller, requestId,
                                    AuditEvent.of("api_key.revoked", "api_key", id.toString())));
                }))
                .map(event -> new Audited<>(true, event))
                .as(activity::afterCommit)
                .defaultIfEmpty(true);
    }

    /** A TENANT_ADMIN sees every key of the tenant; anyone else their own. */
    public Flux<ApiKey> list(Caller caller) {
        Optional<UUID> owner = caller.role().atLeast(Role.TENANT_ADMIN) ? Optional.empty() : Optional.of(caller.userId());
        return database.inTenant(caller.tenant(), connection -> keys.list(connection, caller.tenant(), owner));
    }

    /** The result of {@code createApiKey}: the only time the plaintext key exists outside the client. */
    public record CreatedKey(String key, ApiKey apiKey) {
    }
}
