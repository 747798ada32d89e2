package ai.stratum.server.cdp.segment;

import ai.stratum.server.database.Sql;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL of {@code cdp_segments} and {@code cdp_segment_members}: the segments, and who is in them. */
@Singleton
class SegmentRepository {

    private static final String COLUMNS = "id, name, rules, created_at, updated_at, evaluated_at";
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    SegmentRepository(JsonMapper json) {
        this.json = json;
    }

    Mono<Segment> insert(Connection connection, TenantId tenant, Segment segment, Optional<UUID> createdBy) {
        return Sql.of(connection, "INSERT INTO cdp_segments (tenant_id, id, name, rules, created_by, created_at, updated_at) "
                                + "VALUES ($1, $2, $3, $4::jsonb, $5, $6, $6) RETURNING " + COLUMNS, tenant.value(), segment.id(), segment.name(),
                        write(segment.rules()), Sql.nullable(createdBy.orElse(null), UUID.class), time(segment.createdAt()))
                .row(this::map);
    }

    Mono<Segment> update(Connection connection, TenantId tenant, UUID id, String name, SegmentRule rules, Instant now) {
        return Sql.of(connection, "UPDATE cdp_segments SET name = $3, rules = $4::jsonb, updated_at = $5 WHERE tenant_id = $1 AND id = $2 "
                        + "RETURNING " + COLUMNS, tenant.value(), id, name, write(rules), time(now))
                .row(this::map);
    }

    Mono<Boolean> delete(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "DELETE FROM cdp_segments WHERE tenant_id = $1 AND id = $2", tenant.value(), id).update()
                .map(deleted -> deleted > 0);
    }

    Mono<Segment> find(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_segments WHERE tenant_id = $1 AND id = $2", tenant.value(), id)
                .row(this::map);
    }

    /** Takes the segment's row lock: membership of one segment is rewritten by one transaction at a time. */
    Mono<Segment> lock(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_segments WHERE tenant_id = $1 AND id = $2 FOR UPDATE", tenant.value(), id)
                .row(this::map);
    }

    Flux<Segment> all(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_segments WHERE tenant_id = $1 ORDER BY created_at, id", tenant.value())
                .rows(this::map);
    }

    Mono<Long> size(Connection connection, TenantId tenant, UUID segment) {
        return Sql.of(connection, "SELECT count(*) AS n FROM cdp_segment_members WHERE tenant_id = $1 AND segment_id = $2",
                tenant.value(), segment).row(row -> row.get("n", Long.class));
    }

    /** Members' profile ids in the order of {@code profiles}: oldest profile first. */
    Flux<MemberRow> members(Connection connection, TenantId tenant, UUID segment, Optional<PageCursor> after, int limit) {
        String sql = "SELECT p.id, p.created_at FROM cdp_segment_members m JOIN cdp_profiles p ON p.tenant_id = m.tenant_id "
                + "AND p.id = m.profile_id WHERE m.tenant_id = $1 AND m.segment_id = $2 AND p.merged_into IS NULL ";
        if (after.isEmpty()) {
            return Sql.of(connection, sql + "ORDER BY p.created_at, p.id LIMIT $3", tenant.value(), segment, limit).rows(SegmentRepository::member);
        }
        return Sql.of(connection, sql + "AND (p.created_at, p.id) > ($3, $4) ORDER BY p.created_at, p.id LIMIT $5", tenant.value(), segment,
                time(after.get().at()), after.get().id(), limit).rows(SegmentRepository::member);
    }

    /** The live profiles the rules match now: how many, and the oldest {@code sample}. */
    Mono<Long> matchingCount(Connection connection, TenantId tenant, SegmentRule rules, Instant now) {
        SegmentSql.Compiled compiled = SegmentSql.compile(rules, 2, now);
        return Sql.of(connection, "SELECT count(*) AS n FROM cdp_profiles p WHERE p.tenant_id = $1 AND p.merged_into IS NULL AND "
                + compiled.condition(), parameters(tenant.value(), compiled)).row(row -> row.get("n", Long.class));
    }

    Flux<UUID> matchingSample(Connection connection, TenantId tenant, SegmentRule rules, Instant now, int sample) {
        SegmentSql.Compiled compiled = SegmentSql.compile(rules, 3, now);
        return Sql.of(connection, "SELECT p.id FROM cdp_profiles p WHERE p.tenant_id = $1 AND p.merged_into IS NULL AND "
                        + compiled.condition() + " ORDER BY p.created_at, p.id LIMIT $2", parameters(tenant.value(), sample, compiled))
                .rows(row -> row.get("id", UUID.class));
    }

    /**
     * Brings the stored membership of one segment in line with its rules, for the given profiles (all when
     * empty), in one statement: members that no longer match (or are no longer live) leave, matching
     * profiles enter, and each change is logged. Call with the segment's row {@link #lock locked}.
     */
    Flux<MembershipChange> reconcile(Connection connection, TenantId tenant, Segment segment, Optional<Collection<UUID>> profiles,
                                     Instant now) {
        int first = profiles.isPresent() ? 5 : 4;
        SegmentSql.Compiled compiled = SegmentSql.compile(segment.rules(), first, now);
        String scope = profiles.isPresent() ? " AND p.id = ANY($4::uuid[])" : "";
        String memberScope = profiles.isPresent() ? " AND m.profile_id = ANY($4::uuid[])" : "";
        String sql = "WITH matched AS (SELECT p.id FROM cdp_profiles p WHERE p.tenant_id = $1 AND p.merged_into IS NULL" + scope
                + " AND " + compiled.condition() + "), "
                + "gone AS (DELETE FROM cdp_segment_members m WHERE m.tenant_id = $1 AND m.segment_id = $2" + memberScope
                + " AND NOT EXISTS (SELECT 1 FROM matched WHERE matched.id = m.profile_id) RETURNING m.profile_id), "
                + "came AS (INSERT INTO cdp_segment_members (tenant_id, segment_id, profile_id, entered_at) "
                + "SELECT $1, $2, id, $3 FROM matched ON CONFLICT DO NOTHING RETURNING profile_id), "
                + "logged AS (INSERT INTO cdp_segment_changes (tenant_id, segment_id, profile_id, change, changed_at) "
                + "SELECT $1, $2, profile_id, 'LEFT', $3 FROM gone UNION ALL SELECT $1, $2, profile_id, 'ENTERED', $3 FROM came "
                + "RETURNING profile_id, change) "
                + "SELECT profile_id, change FROM logged";
        List<Object> parameters = new ArrayList<>(List.of(tenant.value(), segment.id(), time(now)));
        profiles.ifPresent(ids -> parameters.add(ids.toArray(UUID[]::new)));
        parameters.addAll(compiled.parameters());
        Flux<MembershipChange> changes = Sql.of(connection, sql, parameters.toArray())
                .rows(row -> new MembershipChange(segment.id(), row.get("profile_id", UUID.class),
                        MembershipChange.Change.valueOf(row.get("change", String.class)), now));
        if (profiles.isPresent()) {
            return changes;
        }
        return changes.concatWith(Sql.of(connection, "UPDATE cdp_segments SET evaluated_at = $3 WHERE tenant_id = $1 AND id = $2",
                tenant.value(), segment.id(), time(now)).update().then(Mono.empty()));
    }

    private static Object[] parameters(Object first, SegmentSql.Compiled compiled) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(compiled.parameters());
        return all.toArray();
    }

    private static Object[] parameters(Object first, Object second, SegmentSql.Compiled compiled) {
        List<Object> all = new ArrayList<>(List.of(first, second));
        all.addAll(compiled.parameters());
        return all.toArray();
    }

    private String write(SegmentRule rules) {
        try {
            return json.writeValueAsString(RuleWriter.write(rules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Segment map(Readable row) {
        Map<String, Object> rules;
        try {
            rules = json.readValue(row.get("rules", Json.class).asString(), JSON_OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Segment(row.get("id", UUID.class), row.get("name", String.class), RuleReader.read(rules, "rules"),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("updated_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("evaluated_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    private static MemberRow member(Readable row) {
        return new MemberRow(row.get("id", UUID.class), row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record MemberRow(UUID id, Instant createdAt) {
    }
}
