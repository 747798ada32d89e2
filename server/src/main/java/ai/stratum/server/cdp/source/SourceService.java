package ai.stratum.server.cdp.source;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.audit.Audited;
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
 * Event sources and their write keys. A TENANT_ADMIN creates and revokes them (audited); the
 * plaintext write key is returned once and only its hash is kept. Sources hold no personal data,
 * so any role may list them.
 */
@Singleton
public class SourceService {

    static final String INVALID_KEY = "The write key is invalid or has been revoked";

    private final Database database;
    private final SourceRepository sources;
    private final AuditLog audit;
    private final ActivityFeed activity;

    SourceService(Database database, SourceRepository sources, AuditLog audit, ActivityFeed activity) {
        this.database = database;
        this.sources = sources;
        this.audit = audit;
        this.activity = activity;
    }

    public Mono<Source> create(Caller caller, String requestId, String name) {
        caller.require(Role.TENANT_ADMIN);
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw ApiException.badInput("input.name", "A source name must be 1 to 200 characters");
        }
        LookupKeys.NewKey key = LookupKeys.WRITE_KEYS.generate();
        return activity.afterCommit(database.inTenantOne(caller.tenant(), connection ->
                sources.insert(connection, caller.tenant(), trimmed, key.lookup(), key.secretHash(), caller.userId())
                        .flatMap(stored -> audit.record(connection, caller, requestId,
                                        new AuditEvent("cdp.source.created", "cdp_source", stored.id().toString(), Map.of("name", trimmed)))
                                .map(event -> new Audited<>(stored.withWriteKey(key.plaintext()), event)))));
    }

    public Mono<Source> revoke(Caller caller, String requestId, UUID id) {
        caller.require(Role.TENANT_ADMIN);
        return database.inTenantOne(caller.tenant(), connection -> sources.find(connection, caller.tenant(), id)
                        .switchIfEmpty(Mono.error(ApiException.notFound("No source with id " + id)))
                        .flatMap(found -> {
                            if (found.kind() != SourceKind.HTTP) {
                                return Mono.error(ApiException.badInput("id", "The built-in GRAPHQL source has no write key to revoke"));
                            }
                            if (found.revokedAt().isPresent()) {
                                return Mono.just(new Revocation(found, Optional.empty()));
                            }
                            return sources.revoke(connection, caller.tenant(), id)
                                    .flatMap(revoked -> audit.record(connection, caller, requestId,
                                                    AuditEvent.of("cdp.source.revoked", "cdp_source", id.toString()))
                                            .map(event -> new Revocation(revoked, Optional.of(event))));
                        }))
                .flatMap(revocation -> revocation.event().isEmpty()
                        ? Mono.just(revocation.source())
                        : activity.afterCommit(Mono.just(new Audited<>(revocation.source(), revocation.event().get()))));
    }

    public Flux<Source> list(Caller caller) {
        caller.require(Role.VIEWER);
        return database.inTenant(caller.tenant(), connection -> sources.list(connection, caller.tenant()));
    }

    /** The source a write key belongs to; UNAUTHENTICATED when the key is unknown, malformed or revoked. */
    public Mono<SourceRef> authenticate(String writeKey) {
        Optional<LookupKeys.ParsedKey> parsed = LookupKeys.WRITE_KEYS.parse(writeKey);
        if (parsed.isEmpty()) {
            return Mono.error(ApiException.unauthenticated(INVALID_KEY));
        }
        return database.asSystemOne(connection -> sources.activeByLookup(connection, parsed.get().lookup()))
                .filter(stored -> LookupKeys.sameHash(stored.secretHash(), parsed.get().secretHash()))
                .map(stored -> stored.source().ref())
                .switchIfEmpty(Mono.error(ApiException.unauthenticated(INVALID_KEY)));
    }

    /** The source {@code ingestEvents} stores for: the one named, or the tenant's GRAPHQL source. */
    public Mono<SourceRef> forGraphQL(Caller caller, Optional<UUID> sourceId) {
        if (sourceId.isEmpty()) {
            return database.inTenantOne(caller.tenant(), connection -> sources.graphqlSource(connection, caller.tenant()))
                    .map(Source::ref);
        }
        return database.inTenantOne(caller.tenant(), connection -> sources.find(connection, caller.tenant(), sourceId.get()))
                .switchIfEmpty(Mono.error(ApiException.notFound("No source with id " + sourceId.get())))
                .flatMap(source -> source.revokedAt().isPresent()
                        ? Mono.error(ApiException.badInput("sourceId", "Source " + source.id() + " is revoked"))
                        : Mono.just(source.ref()));
    }

    private record Revocation(Source source, Optional<ai.stratum.server.audit.AuditLog.RecordedEvent> event) {
    }
}
