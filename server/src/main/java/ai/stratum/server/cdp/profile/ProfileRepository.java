package ai.stratum.server.cdp.profile;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.NewProfile;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** SQL for {@code cdp_profiles}. Runs on the connection of the caller's transaction. */
@Singleton
public class ProfileRepository {

    private static final String COLUMNS = "id, created_at, updated_at, lifecycle, traits, trait_times, first_seen_at, last_seen_at, "
            + "event_count, order_count, revenue_micros, merged_into";
    /** $1 tenant, $2 distinct profile ids; public for the test of its plan. */
    public static final String PROFILES_BY_ID = "SELECT p." + COLUMNS.replace(", ", ", p.") + " FROM unnest($2::uuid[]) AS k(id) "
            + "CROSS JOIN LATERAL (SELECT " + COLUMNS + " FROM cdp_profiles WHERE tenant_id = $1 AND id = k.id LIMIT 1) p";
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    public ProfileRepository(JsonMapper json) {
        this.json = json;
    }

    /**
     * The profiles {@code ids} name: one primary-key look-up per id. Written as {@code id = ANY($2)},
     * PostgreSQL without statistics on the table (before its first ANALYZE) read the tenant's every
     * profile and filtered them, 15 ms a batch at 40,000 profiles against 0.5 ms for the look-ups.
     * {@code LIMIT 1} (the key is unique) keeps PostgreSQL from flattening the look-up into a join it
     * could plan as that same scan.
     */
    public Flux<StoredProfile> find(Connection connection, TenantId tenant, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        return Sql.of(connection, PROFILES_BY_ID, tenant.value(), ids.stream().distinct().toArray(UUID[]::new)).rows(this::map);
    }

    /** The live profile {@code id} names: itself, or the survivor it was merged into. */
    public Mono<StoredProfile> live(Connection connection, TenantId tenant, UUID id) {
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_profiles WHERE tenant_id = $1 AND id = "
                        + "(SELECT coalesce(merged_into, id) FROM cdp_profiles WHERE tenant_id = $1 AND id = $2)", tenant.value(), id)
                .row(this::map);
    }

    public Mono<StoredProfile> byIdentifier(Connection connection, TenantId tenant, Identifier identifier) {
        return Sql.of(connection, "SELECT " + prefixed("p") + " FROM cdp_identifiers i JOIN cdp_profiles p "
                                + "ON p.tenant_id = i.tenant_id AND p.id = i.profile_id WHERE i.tenant_id = $1 AND i.type = $2 AND i.value = $3",
                        tenant.value(), identifier.type().name(), identifier.value())
                .row(this::map);
    }

    /** Live profiles after {@code after} in (created_at, id) order; {@code limit} rows. */
    public Flux<StoredProfile> page(Connection connection, TenantId tenant, Optional<PageCursor> after, int limit) {
        if (after.isEmpty()) {
            return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_profiles WHERE tenant_id = $1 AND merged_into IS NULL "
                    + "ORDER BY created_at, id LIMIT $2", tenant.value(), limit).rows(this::map);
        }
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_profiles WHERE tenant_id = $1 AND merged_into IS NULL "
                                + "AND (created_at, id) > ($2, $3) ORDER BY created_at, id LIMIT $4",
                        tenant.value(), after.get().at().atOffset(ZoneOffset.UTC), after.get().id(), limit)
                .rows(this::map);
    }

    public Mono<Long> countLive(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT count(*) AS n FROM cdp_profiles WHERE tenant_id = $1 AND merged_into IS NULL", tenant.value())
                .row(row -> row.get("n", Long.class));
    }

    /** For each of {@code live}, the ids of the profiles merged into it. */
    public Flux<Map.Entry<UUID, UUID>> aliases(Connection connection, TenantId tenant, Collection<UUID> live) {
        if (live.isEmpty()) {
            return Flux.empty();
        }
        return Sql.of(connection, "SELECT merged_into, id FROM cdp_profiles WHERE tenant_id = $1 AND merged_into = ANY($2::uuid[]) "
                        + "ORDER BY merged_at, id", tenant.value(), live.toArray(UUID[]::new))
                .rows(row -> Map.entry(row.get("merged_into", UUID.class), row.get("id", UUID.class)));
    }

    /**
     * Writes the new state of every live profile a batch touched (inserting the ones it created),
     * and inserts the profiles it created and merged at once as aliases of their survivor.
     */
    public Mono<Long> save(Connection connection, TenantId tenant, Map<UUID, ProfileState> live, Map<UUID, Lifecycle> lifecycles,
                           List<NewProfile> mergedOnArrival, Map<UUID, UUID> mergedInto, Instant now) {
        int n = live.size() + mergedOnArrival.size();
        if (n == 0) {
            return Mono.just(0L);
        }
        UUID[] ids = new UUID[n];
        String[] created = new String[n];
        String[] lifecycle = new String[n];
        String[] traits = new String[n];
        String[] traitTimes = new String[n];
        String[] firstSeen = new String[n];
        String[] lastSeen = new String[n];
        Long[] events = new Long[n];
        Long[] orders = new Long[n];
        String[] revenue = new String[n];
        UUID[] merged = new UUID[n];
        int i = 0;
        for (ProfileState state : live.values()) {
            ids[i] = state.id();
            created[i] = state.createdAt().toString();
            lifecycle[i] = lifecycles.get(state.id()).name();
            traits[i] = write(state.traits().values());
            Map<String, String> times = new TreeMap<>();
            state.traits().observedAt().forEach((trait, at) -> times.put(trait, at.toString()));
            traitTimes[i] = write(times);
            firstSeen[i] = state.firstSeen().toString();
            lastSeen[i] = state.lastSeen().toString();
            events[i] = state.eventCount();
            orders[i] = state.orderCount();
            revenue[i] = write(state.revenueMicros());
            i++;
        }
        for (NewProfile alias : mergedOnArrival) {
            ids[i] = alias.id();
            created[i] = alias.createdAt().toString();
            lifecycle[i] = Lifecycle.ANONYMOUS.name();
            traits[i] = "{}";
            traitTimes[i] = "{}";
            firstSeen[i] = alias.createdAt().toString();
            lastSeen[i] = alias.createdAt().toString();
            events[i] = 0L;
            orders[i] = 0L;
            revenue[i] = "{}";
            merged[i] = mergedInto.get(alias.id());
            i++;
        }
        return Sql.of(connection, """
                        INSERT INTO cdp_profiles (tenant_id, id, created_at, updated_at, lifecycle, traits, trait_times, first_seen_at,
                                                  last_seen_at, event_count, order_count, revenue_micros, merged_into, merged_at,
                                                  events_repointed_at)
                        SELECT $1, u.id, u.created_at::timestamptz, $2, u.lifecycle, u.traits::jsonb, u.trait_times::jsonb,
                               u.first_seen::timestamptz, u.last_seen::timestamptz, u.events, u.orders, u.revenue::jsonb, u.merged_into,
                               CASE WHEN u.merged_into IS NULL THEN NULL ELSE $2 END,
                               CASE WHEN u.merged_into IS NULL THEN NULL ELSE $2 END
                        FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[],
                                    $11::bigint[], $12::text[], $13::uuid[])
                             AS u(id, created_at, lifecycle, traits, trait_times, first_seen, last_seen, events, orders, revenue, merged_into)
                        ON CONFLICT (tenant_id, id) DO UPDATE SET
                            updated_at = EXCLUDED.updated_at, lifecycle = EXCLUDED.lifecycle, traits = EXCLUDED.traits,
                            trait_times = EXCLUDED.trait_times, first_seen_at = EXCLUDED.first_seen_at,
                            last_seen_at = EXCLUDED.last_seen_at, event_count = EXCLUDED.event_count,
                            order_count = EXCLUDED.order_count, revenue_micros = EXCLUDED.revenue_micros
                        """,
                        tenant.value(), now.atOffset(ZoneOffset.UTC), ids, created, lifecycle, traits, traitTimes, firstSeen, lastSeen,
                        events, orders, revenue, merged)
                .update();
    }

    /**
     * Makes existing profiles aliases of the survivor they were merged into, and re-aims the
     * profiles already merged into them, so that merged_into always names a live profile.
     * Their events are moved later, by the background job.
     */
    public Mono<Long> markMerged(Connection connection, TenantId tenant, Map<UUID, UUID> mergedInto, Instant now) {
        if (mergedInto.isEmpty()) {
            return Mono.just(0L);
        }
        UUID[] merged = mergedInto.keySet().toArray(UUID[]::new);
        UUID[] live = new UUID[merged.length];
        for (int i = 0; i < merged.length; i++) {
            live[i] = mergedInto.get(merged[i]);
        }
        return Sql.of(connection, """
                        UPDATE cdp_profiles p
                        SET merged_into = m.live, merged_at = coalesce(p.merged_at, $2), updated_at = $2,
                            events_repointed_at = CASE WHEN p.id = m.merged THEN NULL ELSE p.events_repointed_at END
                        FROM unnest($3::uuid[], $4::uuid[]) AS m(merged, live)
                        WHERE p.tenant_id = $1 AND (p.id = m.merged OR p.merged_into = m.merged)
                        """, tenant.value(), now.atOffset(ZoneOffset.UTC), merged, live)
                .update();
    }

    private StoredProfile map(Readable row) {
        Map<String, Object> traitValues = read(row.get("traits", Json.class));
        Map<String, Instant> traitTimes = new LinkedHashMap<>();
        read(row.get("trait_times", Json.class)).forEach((trait, at) -> traitTimes.put(trait, Instant.parse((String) at)));
        traitValues.keySet().retainAll(traitTimes.keySet());
        Map<String, Long> revenue = new TreeMap<>();
        read(row.get("revenue_micros", Json.class)).forEach((currency, micros) -> revenue.put(currency, longValue(micros)));
        ProfileState state = new ProfileState(
                row.get("id", UUID.class),
                instant(row, "created_at"),
                instant(row, "first_seen_at"),
                instant(row, "last_seen_at"),
                row.get("event_count", Long.class),
                row.get("order_count", Long.class),
                revenue,
                new Traits(traitValues, traitTimes));
        return new StoredProfile(state, Lifecycle.valueOf(row.get("lifecycle", String.class)), instant(row, "updated_at"),
                Optional.ofNullable(row.get("merged_into", UUID.class)));
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private static long longValue(Object micros) {
        return micros instanceof Number number ? new BigDecimal(number.toString()).longValueExact() : Long.parseLong(micros.toString());
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private Map<String, Object> read(Json value) {
        try {
            Map<String, Object> map = json.readValue(value.asString(), JSON_OBJECT);
            return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable jsonb in cdp_profiles", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
