package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.CdpSettings;
import ai.stratum.server.cdp.consent.EventConsent;
import ai.stratum.server.cdp.identity.EventIdentity;
import ai.stratum.server.cdp.identity.GraphSnapshot;
import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierCounts;
import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.cdp.identity.IdentityLock;
import ai.stratum.server.cdp.identity.IdentityRepository;
import ai.stratum.server.cdp.identity.IdentityResolver;
import ai.stratum.server.cdp.identity.ProfileNode;
import ai.stratum.server.cdp.identity.Resolution;
import ai.stratum.server.cdp.identity.StoredIdentifier;
import ai.stratum.server.cdp.profile.Lifecycle;
import ai.stratum.server.cdp.profile.ProfileActivity;
import ai.stratum.server.cdp.profile.ProfileChanges;
import ai.stratum.server.cdp.profile.ProfileRepository;
import ai.stratum.server.cdp.profile.ProfileState;
import ai.stratum.server.cdp.profile.ProfilesChanged;
import ai.stratum.server.cdp.profile.StoredProfile;
import ai.stratum.server.cdp.profile.TraitMerger;
import ai.stratum.server.cdp.profile.Traits;
import ai.stratum.server.cdp.privacy.SuppressionList;
import ai.stratum.server.cdp.score.IdentityQualityCounts;
import ai.stratum.server.cdp.source.SourceRef;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores a request's events and resolves their identities, in a transaction that commits before
 * the request is answered: an acknowledged event is in PostgreSQL. Each event is validated on its
 * own; the valid ones are stored even when others are refused. Requests into one source that arrive
 * while its previous transaction runs share the next one ({@link GroupCommit}).
 *
 * <p>Inside the transaction, under the tenant's {@link IdentityLock}: drop events whose
 * (source, messageId) is already stored, and those carrying an erased person's identifier
 * ({@link SuppressionList}: acknowledged, not stored); read the part of the identity graph the batch touches;
 * resolve the batch in memory ({@link IdentityResolver}); fold the events into the touched profiles
 * ({@link ProfileChanges}); write everything with one set-based statement per table: the graph and
 * the profiles, the events' consent ({@link EventConsent}) and identity-quality counts
 * ({@link IdentityQualityCounts}), and last the events, with cached plans for their key checks
 * ({@link ActualParameterPlans#cachedFromHere}). Events of profiles merged here keep pointing at the
 * merged profile until {@link EventRepointer} moves them.
 */
@Singleton
public class IngestService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Database database;
    private final CdpSettings settings;
    private final IdentityLock lock;
    private final EventRepository events;
    private final IdentityRepository identities;
    private final ProfileRepository profiles;
    private final TenantRepository tenants;
    private final JsonMapper json;
    private final Clock clock;
    private final EventReader reader;
    private final IdentityResolver resolver;
    private final TraitMerger merger;
    private final SuppressionList suppressions;
    private final EventConsent consent;
    private final IdentityQualityCounts quality;
    private final ApplicationEventPublisher<ProfilesChanged> profilesChanged;
    private final GroupCommit<SourceRef, Received, IngestResult> commits;

    public IngestService(Database database, CdpSettings settings, IdentityLock lock, EventRepository events, IdentityRepository identities,
                         ProfileRepository profiles, TenantRepository tenants, JsonMapper json, Clock clock,
                         SuppressionList suppressions, EventConsent consent, IdentityQualityCounts quality,
                         ApplicationEventPublisher<ProfilesChanged> profilesChanged) {
        this.database = database;
        this.settings = settings;
        this.lock = lock;
        this.events = events;
        this.identities = identities;
        this.profiles = profiles;
        this.tenants = tenants;
        this.json = json;
        this.clock = clock;
        this.reader = new EventReader(settings.orderEventNames(), () -> UUID.randomUUID().toString());
        this.resolver = new IdentityResolver(settings.identityLimits(), UUID::randomUUID);
        this.merger = settings.traitMerger();
        this.suppressions = suppressions;
        this.consent = consent;
        this.quality = quality;
        this.profilesChanged = profilesChanged;
        this.commits = new GroupCommit<>(received -> received.events().size(), settings.maxBatchEvents(), this::commit);
    }

    /**
     * @param raw      the events as decoded JSON values
     * @param pathType the call the endpoint stands for, or empty when each event names its type
     */
    public Mono<IngestResult> ingest(SourceRef source, List<?> raw, Optional<EventType> pathType, BatchDefaults defaults) {
        return ingest(source, raw, pathType, defaults, Optional.empty());
    }

    /**
     * @param sentSizes each event's size in bytes as it was sent, when the request body tells; without
     *                  them, each event is measured as JSON written out again
     */
    public Mono<IngestResult> ingest(SourceRef source, List<?> raw, Optional<EventType> pathType, BatchDefaults defaults,
                                     Optional<int[]> sentSizes) {
        if (raw.size() > settings.maxBatchEvents()) {
            return Mono.error(ApiException.badInput("batch", raw.size() + " events exceed the limit of " + settings.maxBatchEvents()
                    + " per request (STRATUM_CDP_MAX_BATCH_EVENTS)"));
        }
        Instant receivedAt = clock.instant();
        List<IncomingEvent> valid = new ArrayList<>();
        List<EventError> errors = new ArrayList<>();
        Set<String> messageIds = new HashSet<>();
        int repeated = 0;
        int[] sizes = sentSizes.filter(sent -> sent.length == raw.size()).orElse(null);
        for (int index = 0; index < raw.size(); index++) {
            OptionalInt size = sizes == null ? serializedSize(raw.get(index)) : OptionalInt.of(sizes[index]);
            EventReading reading = read(index, raw.get(index), size, pathType, defaults, receivedAt);
            if (reading instanceof EventReading.Invalid invalid) {
                errors.add(invalid.error());
            } else if (!messageIds.add(((EventReading.Valid) reading).event().messageId())) {
                repeated++;
            } else {
                valid.add(((EventReading.Valid) reading).event());
            }
        }
        if (valid.isEmpty()) {
            return Mono.just(new IngestResult(0, repeated, errors));
        }
        return commits.submit(source, new Received(valid, repeated, errors, receivedAt));
    }

    /**
     * Stores the requests of one source that {@link GroupCommit} grouped, in one transaction; answers
     * them in their order. A messageId already stored, or sent by an earlier request of the group, is a
     * duplicate of the request that repeats it.
     */
    private Mono<List<IngestResult>> commit(SourceRef source, List<Received> group) {
        Set<String> messageIds = new HashSet<>();
        group.forEach(received -> received.events().forEach(event -> messageIds.add(event.messageId())));
        Instant now = group.get(group.size() - 1).receivedAt();
        Set<UUID> touched = ConcurrentHashMap.newKeySet();
        return database.inTenantOne(source.tenant(), connection -> ActualParameterPlans.forThisTransaction(connection)
                        .then(lock.acquire(connection, source.tenant()))
                        .then(events.existingMessageIds(connection, source.tenant(), source.sourceId(), messageIds).collect(Collectors.toSet()))
                        .flatMap(existing -> {
                            Set<String> seen = new HashSet<>(existing);
                            List<List<IncomingEvent>> freshPerRequest = group.stream()
                                    .map(received -> received.events().stream().filter(event -> seen.add(event.messageId())).toList())
                                    .toList();
                            List<IncomingEvent> fresh = freshPerRequest.stream().flatMap(List::stream).toList();
                            return suppressions.unsuppressed(connection, source.tenant(), fresh)
                                    .flatMap(kept -> store(connection, source, kept, now, touched)
                                            .thenReturn(results(group, freshPerRequest, kept)));
                        }))
                // after the commit (a Mono of the transaction emits once it completed): listeners only queue work
                .doOnNext(results -> profilesChanged.publishEvent(new ProfilesChanged(source.tenant(), touched)))
                .doOnNext(results -> results.forEach(result -> LOG.debug(
                        "event=cdp_ingested tenant={} source={} accepted={} duplicates={} suppressed={} rejected={} grouped={}",
                        source.tenant(), source.sourceId(), result.accepted(), result.duplicates(), result.suppressed(), result.rejected(),
                        group.size())));
    }

    private static List<IngestResult> results(List<Received> group, List<List<IncomingEvent>> freshPerRequest, List<IncomingEvent> kept) {
        Set<IncomingEvent> stored = Collections.newSetFromMap(new IdentityHashMap<>());
        stored.addAll(kept);
        List<IngestResult> results = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Received received = group.get(i);
            List<IncomingEvent> fresh = freshPerRequest.get(i);
            int accepted = (int) fresh.stream().filter(stored::contains).count();
            results.add(new IngestResult(accepted, received.repeated() + received.events().size() - fresh.size(),
                    fresh.size() - accepted, received.errors()));
        }
        return results;
    }

    private OptionalInt serializedSize(Object raw) {
        try {
            return OptionalInt.of(json.writeValueAsBytes(raw).length);
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** @param size the event's size in bytes, or empty when it cannot be written as JSON */
    private EventReading read(int index, Object raw, OptionalInt size, Optional<EventType> pathType, BatchDefaults defaults,
                              Instant receivedAt) {
        if (size.isEmpty()) {
            return new EventReading.Invalid(new EventError(index, Optional.empty(), Optional.empty(), "The event cannot be read as JSON"));
        }
        if (size.getAsInt() > settings.maxEventBytes()) {
            return new EventReading.Invalid(new EventError(index, Optional.empty(), Optional.empty(), "The event is " + size.getAsInt()
                    + " bytes; the limit is " + settings.maxEventBytes() + " bytes per event (STRATUM_CDP_MAX_EVENT_BYTES)"));
        }
        return reader.read(index, raw, pathType, defaults, receivedAt);
    }

    private Mono<Void> store(Connection connection, SourceRef source, List<IncomingEvent> fresh, Instant now, Set<UUID> touched) {
        if (fresh.isEmpty()) {
            return Mono.empty();
        }
        TenantId tenant = source.tenant();
        List<EventIdentity> identities = fresh.stream().map(IncomingEvent::identity).toList();
        return tenants.findById(connection, tenant)
                .switchIfEmpty(Mono.error(new IllegalStateException("tenant " + tenant + " of a source does not exist")))
                .flatMap(found -> snapshot(connection, tenant, identities)
                        .flatMap(snapshot -> {
                            Resolution resolution = resolver.resolve(snapshot.graph(), identities, now);
                            List<ProfileActivity> activities = fresh.stream()
                                    .map(event -> activity(event, found.currency()))
                                    .toList();
                            Map<UUID, ProfileState> states = ProfileChanges.fold(snapshot.states(), resolution, activities, merger);
                            touched.addAll(states.keySet());
                            touched.addAll(resolution.mergedInto().keySet());
                            return write(connection, source, fresh, resolution, states, snapshot, now);
                        }));
    }

    private static ProfileActivity activity(IncomingEvent event, String tenantCurrency) {
        return new ProfileActivity(event.timestamp(), Traits.observed(event.profileTraits(), event.timestamp()),
                event.order().map(order -> order.purchase(tenantCurrency)));
    }

    /** The stored graph around the batch's identifiers: their owners, and those profiles' states and identifier counts. */
    private Mono<Snapshot> snapshot(Connection connection, TenantId tenant, List<EventIdentity> batch) {
        Set<Identifier> keys = new LinkedHashSet<>();
        for (EventIdentity identity : batch) {
            keys.addAll(identity.identifiers());
            identity.previousId().ifPresent(previous -> {
                keys.add(new Identifier(IdentifierType.USER_ID, previous));
                keys.add(new Identifier(IdentifierType.ANONYMOUS_ID, previous));
            });
        }
        return identities.owners(connection, tenant, keys).collectList().flatMap(owned -> {
            Map<Identifier, UUID> owners = owned.stream()
                    .collect(Collectors.toMap(StoredIdentifier::identifier, StoredIdentifier::profileId));
            Set<UUID> ownerIds = new HashSet<>(owners.values());
            return profiles.find(connection, tenant, ownerIds).collectMap(StoredProfile::id, Function.identity())
                    .zipWith(identities.counts(connection, tenant, ownerIds))
                    .map(found -> {
                        Map<UUID, ProfileNode> nodes = new HashMap<>();
                        Map<UUID, ProfileState> states = new HashMap<>();
                        found.getT1().forEach((id, stored) -> {
                            nodes.put(id, new ProfileNode(id, stored.state().createdAt(),
                                    found.getT2().getOrDefault(id, IdentifierCounts.none())));
                            states.put(id, stored.state());
                        });
                        return new Snapshot(new GraphSnapshot(owners, nodes), states);
                    });
        });
    }

    private Mono<Void> write(Connection connection, SourceRef source, List<IncomingEvent> fresh, Resolution resolution,
                             Map<UUID, ProfileState> states, Snapshot snapshot, Instant now) {
        TenantId tenant = source.tenant();
        Map<UUID, Lifecycle> lifecycles = new HashMap<>();
        states.forEach((id, state) -> lifecycles.put(id, Lifecycle.of(resolution.liveCounts().get(id), state.orderCount())));
        Map<UUID, UUID> existingMerged = new HashMap<>(resolution.mergedInto());
        existingMerged.keySet().retainAll(snapshot.states().keySet());
        if (!resolution.merges().isEmpty() || !resolution.refusals().isEmpty()) {
            LOG.info("event=cdp_identity_links tenant={} source={} merges={} refusals={}", tenant, source.sourceId(),
                    resolution.merges().size(), resolution.refusals().size());
        }
        return profiles.save(connection, tenant, states, lifecycles, ProfileChanges.mergedOnArrival(resolution), resolution.mergedInto(), now)
                .then(profiles.markMerged(connection, tenant, existingMerged, now))
                .then(identities.transferIdentifiers(connection, tenant, existingMerged))
                .then(identities.assign(connection, tenant, resolution.assignments()))
                .then(identities.recordMerges(connection, tenant, source.sourceId(), resolution.merges(), resolution.refusals(),
                        resolution.eventIdentifiers(), fresh.stream().map(IncomingEvent::messageId).toList()))
                .then(identities.recordEdges(connection, tenant, resolution.edges()))
                // privacy and identity quality, kept apart from the identity graph's own writes
                .then(consent.record(connection, tenant, source.sourceId(), fresh, resolution.eventProfiles(), resolution.mergedInto()))
                .then(quality.count(connection, tenant, fresh, now))
                .then(ActualParameterPlans.cachedFromHere(connection))
                .then(events.insert(connection, tenant, source.sourceId(), fresh, resolution.eventProfiles()))
                .then();
    }

    private record Snapshot(GraphSnapshot graph, Map<UUID, ProfileState> states) {
    }

    /** A request's valid events, waiting for the transaction that stores them. */
    private record Received(List<IncomingEvent> events, int repeated, List<EventError> errors, Instant receivedAt) {
    }
}
