package ai.stratum.server.cdp.segment;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.cdp.ProfileView;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Segments: rule trees over profiles, their stored membership, and previews. Members are personal data,
 * so every call needs DATA_ANALYST or a role above it (MEDIA_BUYER, TENANT_ADMIN); the same roles
 * define segments, since a segment is an analysis of the data they may read. Changes are audited.
 * Creating or changing a segment computes its membership before answering.
 */
@Singleton
public class SegmentService {

    static final Role ROLE = Role.DATA_ANALYST;
    static final int PREVIEW_SAMPLE = 10;
    static final int MAX_NAME = 200;

    private final Database database;
    private final SegmentRepository segments;
    private final ProfileRepository profiles;
    private final SegmentMembership membership;
    private final MembershipFeed feed;
    private final AuditLog audit;
    private final Clock clock;

    SegmentService(Database database, SegmentRepository segments, ProfileRepository profiles, SegmentMembership membership,
                   MembershipFeed feed, AuditLog audit, Clock clock) {
        this.database = database;
        this.segments = segments;
        this.profiles = profiles;
        this.membership = membership;
        this.feed = feed;
        this.audit = audit;
        this.clock = clock;
    }

    /** A segment's input, read: its name and rules. */
    public record SegmentInput(String name, SegmentRule rules) {

        /** @param input {@code SegmentInput} as GraphQL hands it over */
        public static SegmentInput read(Map<String, Object> input) {
            Object name = input.get("name");
            if (!(name instanceof String text) || text.isBlank() || text.strip().length() > MAX_NAME) {
                throw ApiException.badInput("input.name", "A segment name needs 1 to " + MAX_NAME + " characters");
            }
            return new SegmentInput(text.strip(), RuleReader.read(input.get("rules"), "input.rules"));
        }
    }

    public Mono<Segment> create(Caller caller, String requestId, SegmentInput input) {
        TenantId tenant = caller.require(ROLE).tenant();
        Instant now = clock.instant();
        Segment segment = new Segment(UUID.randomUUID(), input.name(), input.rules(), now, now, Optional.empty());
        return database.inTenantOne(tenant, connection -> segments.insert(connection, tenant, segment, Optional.of(caller.userId()))
                        .flatMap(created -> audited(connection, caller, requestId, "cdp.segment_created", created)))
                .flatMap(created -> evaluated(tenant, created.id()));
    }

    public Mono<Segment> update(Caller caller, String requestId, UUID id, SegmentInput input) {
        TenantId tenant = caller.require(ROLE).tenant();
        return database.inTenantOne(tenant, connection -> segments.update(connection, tenant, id, input.name(), input.rules(), clock.instant())
                        .flatMap(updated -> audited(connection, caller, requestId, "cdp.segment_updated", updated)))
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(updated -> evaluated(tenant, updated.id()));
    }

    public Mono<Boolean> delete(Caller caller, String requestId, UUID id) {
        TenantId tenant = caller.require(ROLE).tenant();
        return database.inTenantOne(tenant, connection -> segments.find(connection, tenant, id)
                        .flatMap(found -> segments.delete(connection, tenant, id)
                                .then(audited(connection, caller, requestId, "cdp.segment_deleted", found))))
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .thenReturn(true);
    }

    public Mono<Segment> find(Caller caller, UUID id) {
        TenantId tenant = caller.require(ROLE).tenant();
        return database.inTenantOne(tenant, connection -> segments.find(connection, tenant, id));
    }

    public Flux<Segment> list(Caller caller) {
        TenantId tenant = caller.require(ROLE).tenant();
        return database.inTenant(tenant, connection -> segments.all(connection, tenant));
    }

    public Mono<Long> size(Caller caller, UUID segment) {
        TenantId tenant = caller.require(ROLE).tenant();
        return database.inTenantOne(tenant, connection -> segments.size(connection, tenant, segment));
    }

    /** Members, oldest profile first, as {@code profiles(segmentId:)} and {@code Segment.members} page them. */
    public Mono<Page<ProfileView>> members(Caller caller, UUID segment, PageRequest request) {
        TenantId tenant = caller.require(ROLE).tenant();
        return database.inTenantOne(tenant, connection -> segments.find(connection, tenant, segment)
                .switchIfEmpty(Mono.error(() -> notFound(segment)))
                .flatMap(found -> segments.members(connection, tenant, segment, request.after(), request.first() + 1).collectList()
                        .flatMap(rows -> inOrder(connection, tenant, rows.stream().map(SegmentRepository.MemberRow::id).toList()))
                        .zipWith(segments.size(connection, tenant, segment))
                        .map(page -> Page.of(page.getT1(), request.first(), request.after().isPresent(),
                                profile -> new PageCursor(profile.createdAt(), profile.id()).encode(), page.getT2()))));
    }

    /** What a segment with these rules would hold now, without storing anything. */
    public Mono<Preview> preview(Caller caller, SegmentRule rules) {
        TenantId tenant = caller.require(ROLE).tenant();
        Instant now = clock.instant();
        return database.inTenantOne(tenant, connection -> segments.matchingCount(connection, tenant, rules, now)
                .zipWith(segments.matchingSample(connection, tenant, rules, now, PREVIEW_SAMPLE).collectList()
                        .flatMap(ids -> inOrder(connection, tenant, ids)))
                .map(found -> new Preview(found.getT1(), found.getT2())));
    }

    public Flux<MembershipChange> changes(Caller caller, Optional<UUID> segment) {
        TenantId tenant = caller.require(ROLE).tenant();
        return feed.changes(tenant, segment);
    }

    /** @param size how many live profiles match; @param sample the oldest of them */
    public record Preview(long size, List<ProfileView> sample) {
    }

    private Mono<List<ProfileView>> inOrder(Connection connection, TenantId tenant, List<UUID> ids) {
        return profiles.find(connection, tenant, ids).collectMap(StoredProfile::id, Function.identity())
                .map(found -> ids.stream().filter(found::containsKey).map(id -> ProfileView.of(found.get(id))).toList());
    }

    private Mono<Segment> evaluated(TenantId tenant, UUID id) {
        return membership.refreshSegment(tenant, id)
                .then(database.inTenantOne(tenant, connection -> segments.find(connection, tenant, id)));
    }

    private Mono<Segment> audited(Connection connection, Caller caller, String requestId, String action, Segment segment) {
        return audit.record(connection, caller, requestId, new AuditEvent(action, "segment", segment.id().toString(),
                Map.of("name", segment.name()))).thenReturn(segment);
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("No segment with id " + id);
    }
}
