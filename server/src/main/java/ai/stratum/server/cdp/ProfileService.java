package ai.stratum.server.cdp;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierNormalizer;
import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.cdp.identity.IdentityRepository;
import ai.stratum.server.cdp.identity.StoredEdge;
import ai.stratum.server.cdp.identity.StoredIdentifier;
import ai.stratum.server.cdp.ingest.EventRepository;
import ai.stratum.server.cdp.ingest.StoredEvent;
import ai.stratum.server.cdp.profile.ProfileRepository;
import ai.stratum.server.cdp.profile.StoredProfile;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.Page;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reading profiles, their events and their identity graph. All of it is personal data: a caller
 * needs DATA_ANALYST or a role above it (MEDIA_BUYER, TENANT_ADMIN, SUPER_ADMIN); a VIEWER is
 * refused. An id of a merged profile finds its survivor everywhere.
 */
@Singleton
public class ProfileService {

    static final Role PERSONAL_DATA = Role.DATA_ANALYST;
    static final int MAX_GRAPH_EDGES = 2000;
    static final int MAX_GRAPH_MERGES = 2000;

    private final Database database;
    private final ProfileRepository profiles;
    private final IdentityRepository identities;
    private final EventRepository events;

    public ProfileService(Database database, ProfileRepository profiles, IdentityRepository identities, EventRepository events) {
        this.database = database;
        this.profiles = profiles;
        this.identities = identities;
        this.events = events;
    }

    public Mono<ProfileView> profile(Caller caller, UUID id) {
        TenantId tenant = caller.require(PERSONAL_DATA).tenant();
        return database.inTenantOne(tenant, connection -> profiles.live(connection, tenant, id)).map(ProfileView::of);
    }

    public Mono<ProfileView> byIdentifier(Caller caller, IdentifierType type, String value) {
        TenantId tenant = caller.require(PERSONAL_DATA).tenant();
        Identifier identifier = IdentifierNormalizer.normalize(type, value).orElseThrow(() -> ApiException.badInput("value",
                "'" + value + "' cannot be " + (type == IdentifierType.EMAIL || type == IdentifierType.PHONE ? "an " : "a ")
                        + type + (type == IdentifierType.EXTERNAL_ID || type == IdentifierType.CLICK_ID ? " (expected <kind>:<id>)" : "")));
        return database.inTenantOne(tenant, connection -> profiles.byIdentifier(connection, tenant, identifier)).map(ProfileView::of);
    }

    /** Live profiles, oldest first (a segment's members: {@code SegmentService.members}). */
    public Mono<Page<ProfileView>> page(Caller caller, PageRequest request) {
        TenantId tenant = caller.require(PERSONAL_DATA).tenant();
        return database.inTenantOne(tenant, connection -> profiles.page(connection, tenant, request.after(), request.first() + 1)
                .map(ProfileView::of)
                .collectList()
                .zipWith(profiles.countLive(connection, tenant))
                .map(found -> Page.of(found.getT1(), request.first(), request.after().isPresent(),
                        profile -> new PageCursor(profile.createdAt(), profile.id()).encode(), found.getT2())));
    }

    /** The events of a profile and of the profiles merged into it, newest first; NOT_FOUND for an unknown profile. */
    public Mono<Page<StoredEvent>> events(Caller caller, UUID profileId, PageRequest request) {
        TenantId tenant = caller.require(PERSONAL_DATA).tenant();
        return database.inTenantOne(tenant, connection -> liveWithAliases(connection, tenant, profileId)
                .flatMap(ids -> events.page(connection, tenant, ids, request.after(), request.first() + 1)
                        .map(event -> withProfile(event, ids.get(0)))
                        .collectList()
                        .zipWith(events.count(connection, tenant, ids))
                        .map(found -> Page.of(found.getT1(), request.first(), request.after().isPresent(),
                                event -> new PageCursor(event.timestamp(), event.id()).encode(), found.getT2()))));
    }

    public Mono<IdentityGraphView> graph(Caller caller, UUID profileId) {
        TenantId tenant = caller.require(PERSONAL_DATA).tenant();
        return database.inTenantOne(tenant, connection -> liveWithAliases(connection, tenant, profileId)
                .flatMap(ids -> graph(connection, tenant, ids)));
    }

    /** Batch loader of {@code Profile.identifiers}: by type priority, then value. */
    public Mono<Map<UUID, List<StoredIdentifier>>> identifiers(TenantId tenant, Set<UUID> profileIds) {
        return database.inTenant(tenant, connection -> identities.identifiersOf(connection, tenant, profileIds))
                .sort(Comparator.comparing(StoredIdentifier::identifier))
                .collect(Collectors.groupingBy(StoredIdentifier::profileId, LinkedHashMap::new, Collectors.toList()))
                .map(found -> fillEmpty(found, profileIds));
    }

    /** Batch loader of {@code Profile.mergedIds}. */
    public Mono<Map<UUID, List<UUID>>> mergedIds(TenantId tenant, Set<UUID> profileIds) {
        return database.inTenant(tenant, connection -> profiles.aliases(connection, tenant, profileIds))
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())))
                .map(found -> fillEmpty(found, profileIds));
    }

    /** The live profile {@code id} names, first, then the profiles merged into it. */
    private Mono<List<UUID>> liveWithAliases(Connection connection, TenantId tenant, UUID id) {
        return profiles.live(connection, tenant, id)
                .switchIfEmpty(Mono.error(ApiException.notFound("No profile with id " + id)))
                .flatMap(live -> profiles.aliases(connection, tenant, List.of(live.id()))
                        .map(Map.Entry::getValue)
                        .collectList()
                        .map(aliases -> {
                            List<UUID> ids = new ArrayList<>();
                            ids.add(live.id());
                            ids.addAll(aliases);
                            return ids;
                        }));
    }

    private Mono<IdentityGraphView> graph(Connection connection, TenantId tenant, List<UUID> ids) {
        UUID live = ids.get(0);
        return identities.identifiersOf(connection, tenant, List.of(live)).collectList()
                .zipWith(identities.edgesAround(connection, tenant, live, MAX_GRAPH_EDGES + 1).collectList())
                .flatMap(found -> {
                    Map<Identifier, Optional<UUID>> owners = new LinkedHashMap<>();
                    found.getT1().stream().sorted(Comparator.comparing(StoredIdentifier::identifier))
                            .forEach(own -> owners.put(own.identifier(), Optional.of(live)));
                    boolean truncated = found.getT2().size() > MAX_GRAPH_EDGES;
                    List<StoredEdge> edges = truncated ? found.getT2().subList(0, MAX_GRAPH_EDGES) : found.getT2();
                    Set<Identifier> others = new LinkedHashSet<>();
                    edges.forEach(edge -> {
                        if (!owners.containsKey(edge.from())) {
                            others.add(edge.from());
                        }
                        if (!owners.containsKey(edge.to())) {
                            others.add(edge.to());
                        }
                    });
                    return identities.owners(connection, tenant, others).collectList()
                            .zipWith(identities.mergesOf(connection, tenant, ids, MAX_GRAPH_MERGES).collectList())
                            .map(more -> {
                                Map<Identifier, UUID> otherOwners = new HashMap<>();
                                more.getT1().forEach(own -> otherOwners.put(own.identifier(), own.profileId()));
                                others.forEach(other -> owners.put(other, Optional.ofNullable(otherOwners.get(other))));
                                List<IdentityGraphView.Node> nodes = owners.entrySet().stream()
                                        .map(node -> IdentityGraphView.Node.of(node.getKey(), node.getValue())).toList();
                                List<IdentityGraphView.EdgeView> edgeViews = edges.stream().map(edge -> new IdentityGraphView.EdgeView(
                                        edge.from().key(), edge.to().key(), (int) Math.min(edge.eventCount(), Integer.MAX_VALUE),
                                        edge.firstSeen(), edge.lastSeen(),
                                        owners.get(edge.from()).equals(Optional.of(live)) && owners.get(edge.to()).equals(Optional.of(live))))
                                        .toList();
                                return new IdentityGraphView(live, nodes, edgeViews,
                                        more.getT2().stream().map(IdentityGraphView.MergeView::of).toList(), truncated);
                            });
                });
    }

    private static StoredEvent withProfile(StoredEvent event, UUID live) {
        return new StoredEvent(event.id(), event.type(), event.sourceId(), event.messageId(), live, event.event(), event.name(),
                event.anonymousId(), event.userId(), event.previousId(), event.groupId(), event.timestamp(), event.originalTimestamp(),
                event.sentAt(), event.receivedAt(), event.properties(), event.traits(), event.context(), event.integrations());
    }

    private static <T> Map<UUID, List<T>> fillEmpty(Map<UUID, List<T>> found, Collection<UUID> keys) {
        Map<UUID, List<T>> all = new HashMap<>(found);
        keys.forEach(key -> all.putIfAbsent(key, List.of()));
        return all;
    }
}
