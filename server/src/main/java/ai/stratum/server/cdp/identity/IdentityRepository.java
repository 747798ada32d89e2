package ai.stratum.server.cdp.identity;

import ai.stratum.server.database.Sql;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * SQL for the identity graph: {@code cdp_identifiers}, {@code cdp_identity_edges} and
 * {@code cdp_merges}. Writes take whole batches as arrays, so a batch costs a statement per table,
 * not per event. Runs on the connection of the caller's transaction, which holds the
 * {@link IdentityLock} for writes.
 */
@Singleton
public class IdentityRepository {

    /** $1 tenant, $2 distinct profile ids; public for the test of its plan. */
    public static final String IDENTIFIER_COUNTS = "SELECT k.profile_id, c.type, c.n FROM unnest($2::uuid[]) AS k(profile_id) CROSS JOIN LATERAL "
            + "(SELECT type, count(*) AS n FROM cdp_identifiers WHERE tenant_id = $1 AND profile_id = k.profile_id GROUP BY type) c";
    /** $1 tenant, $2 types, $3 values; public for the test of its plan. */
    public static final String OWNERS = "SELECT i.type, i.value, i.profile_id, i.first_seen_at FROM unnest($2::text[], $3::text[]) AS k(type, value) "
            + "CROSS JOIN LATERAL (SELECT type, value, profile_id, first_seen_at FROM cdp_identifiers "
            + "WHERE tenant_id = $1 AND type = k.type AND value = k.value LIMIT 1) i";
    private static final Argument<List<Map<String, String>>> IDENTIFIER_LIST =
            Argument.listOf(Argument.mapOf(String.class, String.class));

    private final JsonMapper json;

    public IdentityRepository(JsonMapper json) {
        this.json = json;
    }

    /**
     * The owners of those of {@code identifiers} the graph knows.
     *
     * <p>One primary-key lookup per identifier, whatever the table's size. The driver keeps this
     * statement prepared, and PostgreSQL then plans it once for all parameters: written as a plain
     * join, the plan it settled on while the table was still small scanned the whole table for
     * every batch, so ingestion slowed down as the graph grew. The lateral subquery with
     * {@code LIMIT 1} (the key is unique, so it drops nothing) keeps it a nested loop over the index.
     */
    public Flux<StoredIdentifier> owners(Connection connection, TenantId tenant, Collection<Identifier> identifiers) {
        if (identifiers.isEmpty()) {
            return Flux.empty();
        }
        String[] types = identifiers.stream().map(identifier -> identifier.type().name()).toArray(String[]::new);
        String[] values = identifiers.stream().map(Identifier::value).toArray(String[]::new);
        return Sql.of(connection, OWNERS, tenant.value(), types, values)
                .rows(IdentityRepository::storedIdentifier);
    }

    /**
     * How many identifiers of each type each of {@code profiles} owns, counted in the profile index
     * one profile at a time: written with {@code profile_id = ANY($2)}, PostgreSQL without statistics
     * on the table scanned the tenant's every identifier.
     */
    public Mono<Map<UUID, IdentifierCounts>> counts(Connection connection, TenantId tenant, Collection<UUID> profiles) {
        if (profiles.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Sql.of(connection, IDENTIFIER_COUNTS, tenant.value(), profiles.stream().distinct().toArray(UUID[]::new))
                .rows(row -> new TypeCount(row.get("profile_id", UUID.class), IdentifierType.valueOf(row.get("type", String.class)),
                        row.get("n", Long.class).intValue()))
                .collect(Collectors.toMap(TypeCount::profile, count -> IdentifierCounts.none().plus(count.type(), count.n()),
                        IdentifierCounts::plus));
    }

    public Flux<StoredIdentifier> identifiersOf(Connection connection, TenantId tenant, Collection<UUID> profiles) {
        if (profiles.isEmpty()) {
            return Flux.empty();
        }
        return Sql.of(connection, "SELECT type, value, profile_id, first_seen_at FROM cdp_identifiers WHERE tenant_id = $1 "
                        + "AND profile_id = ANY($2::uuid[])", tenant.value(), profiles.toArray(UUID[]::new))
                .rows(IdentityRepository::storedIdentifier);
    }

    /** Gives the identifiers of merged profiles to the live profile they were merged into. */
    public Mono<Long> transferIdentifiers(Connection connection, TenantId tenant, Map<UUID, UUID> mergedInto) {
        if (mergedInto.isEmpty()) {
            return Mono.just(0L);
        }
        UUID[] merged = mergedInto.keySet().toArray(UUID[]::new);
        UUID[] live = new UUID[merged.length];
        for (int i = 0; i < merged.length; i++) {
            live[i] = mergedInto.get(merged[i]);
        }
        return Sql.of(connection, "UPDATE cdp_identifiers i SET profile_id = m.live FROM unnest($2::uuid[], $3::uuid[]) AS m(merged, live) "
                        + "WHERE i.tenant_id = $1 AND i.profile_id = m.merged", tenant.value(), merged, live)
                .update();
    }

    public Mono<Long> assign(Connection connection, TenantId tenant, List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return Mono.just(0L);
        }
        return Sql.of(connection, "INSERT INTO cdp_identifiers (tenant_id, type, value, profile_id, first_seen_at) "
                                + "SELECT $1, a.type, a.value, a.profile_id, a.first_seen::timestamptz "
                                + "FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[]) AS a(type, value, profile_id, first_seen)",
                        tenant.value(),
                        assignments.stream().map(a -> a.identifier().type().name()).toArray(String[]::new),
                        assignments.stream().map(a -> a.identifier().value()).toArray(String[]::new),
                        assignments.stream().map(Assignment::profile).toArray(UUID[]::new),
                        assignments.stream().map(a -> a.firstSeen().toString()).toArray(String[]::new))
                .update();
    }

    /** Adds the batch's sightings to each pair's edge. */
    public Mono<Long> recordEdges(Connection connection, TenantId tenant, List<Edge> edges) {
        if (edges.isEmpty()) {
            return Mono.just(0L);
        }
        return Sql.of(connection, """
                        INSERT INTO cdp_identity_edges AS e (tenant_id, from_type, from_value, to_type, to_value, first_seen_at,
                                                             last_seen_at, event_count)
                        SELECT $1, u.from_type, u.from_value, u.to_type, u.to_value, u.first_seen::timestamptz, u.last_seen::timestamptz,
                               u.events
                        FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[])
                             AS u(from_type, from_value, to_type, to_value, first_seen, last_seen, events)
                        ON CONFLICT (tenant_id, from_type, from_value, to_type, to_value) DO UPDATE SET
                            first_seen_at = least(e.first_seen_at, EXCLUDED.first_seen_at),
                            last_seen_at = greatest(e.last_seen_at, EXCLUDED.last_seen_at),
                            event_count = e.event_count + EXCLUDED.event_count
                        """,
                        tenant.value(),
                        edges.stream().map(edge -> edge.from().type().name()).toArray(String[]::new),
                        edges.stream().map(edge -> edge.from().value()).toArray(String[]::new),
                        edges.stream().map(edge -> edge.to().type().name()).toArray(String[]::new),
                        edges.stream().map(edge -> edge.to().value()).toArray(String[]::new),
                        edges.stream().map(edge -> edge.firstSeen().toString()).toArray(String[]::new),
                        edges.stream().map(edge -> edge.lastSeen().toString()).toArray(String[]::new),
                        edges.stream().map(edge -> (long) edge.events()).toArray(Long[]::new))
                .update();
    }

    /**
     * Appends the batch's merges and refused links to the merge history.
     *
     * @param eventIdentifiers each event's identifiers, in batch order
     * @param messageIds       each event's messageId, in batch order
     */
    public Mono<Long> recordMerges(Connection connection, TenantId tenant, UUID sourceId, List<Merge> merges, List<Refusal> refusals,
                                   List<List<Identifier>> eventIdentifiers, List<String> messageIds) {
        int n = merges.size() + refusals.size();
        if (n == 0) {
            return Mono.just(0L);
        }
        List<HistoryRow> rows = new ArrayList<>(n);
        for (Merge merge : merges) {
            rows.add(new HistoryRow("MERGED", merge.reason().name(), merge.survivor(), merge.merged(), merge.linkedBy(), merge.eventIndex()));
        }
        for (Refusal refusal : refusals) {
            rows.add(new HistoryRow("REFUSED", refusal.limit().name(), refusal.profile(), refusal.owner().orElse(null),
                    refusal.identifier(), refusal.eventIndex()));
        }
        return Sql.of(connection, """
                        INSERT INTO cdp_merges (tenant_id, outcome, reason, profile_id, other_profile_id, identifier_type, identifier_value,
                                                event_identifiers, source_id, message_id)
                        SELECT $1, u.outcome, u.reason, u.profile_id, u.other_profile_id, u.identifier_type, u.identifier_value,
                               u.event_identifiers::jsonb, $2, u.message_id
                        FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[])
                             WITH ORDINALITY
                             AS u(outcome, reason, profile_id, other_profile_id, identifier_type, identifier_value, event_identifiers,
                                  message_id, position)
                        ORDER BY u.position
                        """,
                        tenant.value(), sourceId,
                        rows.stream().map(HistoryRow::outcome).toArray(String[]::new),
                        rows.stream().map(HistoryRow::reason).toArray(String[]::new),
                        rows.stream().map(HistoryRow::profile).toArray(UUID[]::new),
                        rows.stream().map(HistoryRow::other).toArray(UUID[]::new),
                        rows.stream().map(row -> row.identifier().type().name()).toArray(String[]::new),
                        rows.stream().map(row -> row.identifier().value()).toArray(String[]::new),
                        rows.stream().map(row -> writeIdentifiers(eventIdentifiers.get(row.eventIndex()))).toArray(String[]::new),
                        rows.stream().map(row -> messageIds.get(row.eventIndex())).toArray(String[]::new))
                .update();
    }

    /** Edges with an end among {@code profile}'s identifiers, oldest first, at most {@code limit}. */
    public Flux<StoredEdge> edgesAround(Connection connection, TenantId tenant, UUID profile, int limit) {
        return Sql.of(connection, """
                        SELECT e.from_type, e.from_value, e.to_type, e.to_value, e.event_count, e.first_seen_at, e.last_seen_at
                        FROM cdp_identity_edges e
                        WHERE e.tenant_id = $1 AND (
                            EXISTS (SELECT 1 FROM cdp_identifiers i WHERE i.tenant_id = $1 AND i.profile_id = $2
                                    AND i.type = e.from_type AND i.value = e.from_value)
                         OR EXISTS (SELECT 1 FROM cdp_identifiers i WHERE i.tenant_id = $1 AND i.profile_id = $2
                                    AND i.type = e.to_type AND i.value = e.to_value))
                        ORDER BY e.first_seen_at, e.from_type, e.from_value, e.to_type, e.to_value
                        LIMIT $3
                        """, tenant.value(), profile, limit)
                .rows(row -> new StoredEdge(
                        new Identifier(IdentifierType.valueOf(row.get("from_type", String.class)), row.get("from_value", String.class)),
                        new Identifier(IdentifierType.valueOf(row.get("to_type", String.class)), row.get("to_value", String.class)),
                        row.get("event_count", Long.class), instant(row, "first_seen_at"), instant(row, "last_seen_at")));
    }

    /** Merges and refused links involving any of {@code profiles}, oldest first. */
    public Flux<StoredMerge> mergesOf(Connection connection, TenantId tenant, Collection<UUID> profiles, int limit) {
        UUID[] ids = profiles.toArray(UUID[]::new);
        return Sql.of(connection, "SELECT id, outcome, reason, profile_id, other_profile_id, identifier_type, identifier_value, "
                                + "event_identifiers, source_id, message_id, created_at FROM cdp_merges WHERE tenant_id = $1 "
                                + "AND (profile_id = ANY($2::uuid[]) OR other_profile_id = ANY($2::uuid[])) ORDER BY seq LIMIT $3",
                        tenant.value(), ids, limit)
                .rows(row -> new StoredMerge(row.get("id", UUID.class), "MERGED".equals(row.get("outcome", String.class)),
                        row.get("reason", String.class), row.get("profile_id", UUID.class),
                        Optional.ofNullable(row.get("other_profile_id", UUID.class)),
                        new Identifier(IdentifierType.valueOf(row.get("identifier_type", String.class)),
                                row.get("identifier_value", String.class)),
                        readIdentifiers(row.get("event_identifiers", Json.class)), row.get("source_id", UUID.class),
                        row.get("message_id", String.class), instant(row, "created_at")));
    }

    private record TypeCount(UUID profile, IdentifierType type, int n) {
    }

    /** One row of {@code cdp_merges}; {@code other} may be null (a refused identifier that was new). */
    private record HistoryRow(String outcome, String reason, UUID profile, UUID other, Identifier identifier, int eventIndex) {
    }

    private static StoredIdentifier storedIdentifier(Readable row) {
        return new StoredIdentifier(new Identifier(IdentifierType.valueOf(row.get("type", String.class)), row.get("value", String.class)),
                row.get("profile_id", UUID.class), instant(row, "first_seen_at"));
    }

    private String writeIdentifiers(List<Identifier> identifiers) {
        try {
            return json.writeValueAsString(identifiers.stream()
                    .map(identifier -> Map.of("type", identifier.type().name(), "value", identifier.value())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Identifier> readIdentifiers(Json value) {
        try {
            return json.readValue(value.asString(), IDENTIFIER_LIST).stream()
                    .map(entry -> new Identifier(IdentifierType.valueOf(entry.get("type")), entry.get("value")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable event_identifiers in cdp_merges", e);
        }
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }
}
