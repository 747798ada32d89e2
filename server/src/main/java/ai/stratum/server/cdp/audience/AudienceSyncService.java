package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.connectors.AccountConnection;
import ai.stratum.server.connectors.ConnectionService;
import ai.stratum.server.connectors.ConnectionStatus;
import ai.stratum.server.connectors.ConnectorAudiences;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps segments' customer-list audiences on the connected ad accounts: {@code syncAudience} starts
 * one run per ACTIVE connection of each platform asked for and answers at once; the runs go on in
 * the background ({@link AudienceSyncer}) and are read back by id. MEDIA_BUYER and up start syncs
 * (they spend on the platforms); DATA_ANALYST and up read them, as they read segments.
 */
@Singleton
public class AudienceSyncService {

    private final Database database;
    private final AudienceRepository repository;
    private final AudienceSyncer syncer;
    private final ConnectionService connections;
    private final ConnectorAudiences platforms;
    private final AuditLog audit;
    private final ActivityFeed activity;
    private final Clock clock;

    AudienceSyncService(Database database, AudienceRepository repository, AudienceSyncer syncer, ConnectionService connections,
                        ConnectorAudiences platforms, AuditLog audit, ActivityFeed activity, Clock clock) {
        this.database = database;
        this.repository = repository;
        this.syncer = syncer;
        this.connections = connections;
        this.platforms = platforms;
        this.audit = audit;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * Starts syncing the segment to every ACTIVE connection of the platforms; a connection whose sync
     * of this segment is still running gets that run back instead of a second one.
     *
     * @return the runs, RUNNING (or finished, when one ended in the meantime)
     */
    public Mono<List<AudienceSyncRun>> sync(Caller caller, String requestId, UUID segmentId, List<Platform> requested) {
        TenantId tenant = caller.require(Role.MEDIA_BUYER).tenant();
        Set<Platform> wanted = checked(requested);
        return connections.list(caller)
                .filter(connection -> wanted.contains(connection.platform()) && connection.status() == ConnectionStatus.ACTIVE)
                .collectList()
                .flatMap(active -> {
                    requireEveryPlatformConnected(wanted, active);
                    Instant now = clock.instant();
                    return activity.afterCommit(database.inTenantOne(tenant, connection -> repository.segmentName(connection, tenant, segmentId)
                            .switchIfEmpty(Mono.error(() -> ApiException.notFound("No segment with id " + segmentId)))
                            .flatMap(name -> Flux.fromIterable(active)
                                    .concatMap(account -> repository.start(connection, tenant, segmentId, account, caller.userId(), now)
                                            .map(start -> new Started(account, start.run(), name, start.fresh())))
                                    .collectList())
                            .flatMap(started -> audit.record(connection, caller, requestId, started(segmentId, wanted, started))
                                    .map(event -> new Audited<>(started, event)))));
                })
                .map(started -> {
                    // after the commit: the runs the background work records on exist for everyone to read
                    started.stream().filter(Started::fresh)
                            .forEach(s -> syncer.sync(s.account(), s.run(), s.segmentName()).subscribe());
                    return started.stream().map(Started::run).toList();
                });
    }

    public Mono<AudienceSyncRun> run(Caller caller, UUID id) {
        TenantId tenant = caller.require(Role.DATA_ANALYST).tenant();
        return database.inTenantOne(tenant, connection -> repository.run(connection, tenant, id));
    }

    public Flux<AudienceSyncRun> runs(Caller caller, UUID segmentId, int first) {
        TenantId tenant = caller.require(Role.DATA_ANALYST).tenant();
        if (first < 1 || first > 100) {
            throw ApiException.badInput("first", "first must be between 1 and 100 (was " + first + ")");
        }
        return database.inTenant(tenant, connection -> repository.runs(connection, tenant, segmentId, first));
    }

    public Flux<Audience> audiences(Caller caller, UUID segmentId) {
        TenantId tenant = caller.require(Role.DATA_ANALYST).tenant();
        return database.inTenant(tenant, connection -> repository.audiences(connection, tenant, segmentId));
    }

    private static AuditEvent started(UUID segmentId, Set<Platform> platforms, List<Started> runs) {
        return new AuditEvent("cdp.audience.sync_started", "cdp_segment", segmentId.toString(), Map.of("platforms", names(platforms),
                "runs", runs.stream().map(started -> started.run().id().toString()).collect(Collectors.joining(","))));
    }

    private Set<Platform> checked(List<Platform> requested) {
        if (requested.isEmpty()) {
            throw ApiException.badInput("platforms", "Name at least one platform to sync the segment to");
        }
        Set<Platform> wanted = EnumSet.copyOf(requested);
        for (Platform platform : wanted) {
            if (!platforms.supports(platform)) {
                throw ApiException.badInput("platforms", "No installed plugin keeps customer-list audiences on " + platform
                        + " (the plugins query lists what is installed)");
            }
        }
        return wanted;
    }

    private static void requireEveryPlatformConnected(Set<Platform> wanted, List<AccountConnection> active) {
        List<Platform> missing = new ArrayList<>();
        for (Platform platform : wanted) {
            if (active.stream().noneMatch(connection -> connection.platform() == platform)) {
                missing.add(platform);
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.badInput("platforms", "No ACTIVE connection to " + names(missing)
                    + "; connect an account (or resume a paused one) first");
        }
    }

    private static String names(Iterable<Platform> platforms) {
        List<String> names = new ArrayList<>();
        platforms.forEach(platform -> names.add(platform.name()));
        return String.join(",", names);
    }

    private record Started(AccountConnection account, AudienceSyncRun run, String segmentName, boolean fresh) {
    }
}
