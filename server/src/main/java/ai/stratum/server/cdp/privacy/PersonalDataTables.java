package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a person's data is, found rather than listed: every tenant table of the schema with a uuid
 * column named {@code profile_id} or ending in {@code _profile_id} (events, identifiers, merges,
 * consent, and whatever later features add, such as segment memberships), plus the profiles
 * themselves ({@code cdp_profiles}, the live profile and its aliases) and the identity graph's
 * edges, which hold identifier values rather than profile ids. A new table keyed by profile is so
 * exported and erased without a change here; the application role needs DELETE on it.
 */
@Singleton
public class PersonalDataTables {

    static final String PROFILES = "cdp_profiles";
    static final String EDGES = "cdp_identity_edges";

    /** Tables with a tenant and a profile reference, and the referencing columns of each. */
    Flux<ProfileTable> discover(Connection connection) {
        return Sql.of(connection, """
                        SELECT c.table_name::text AS table_name, array_agg(c.column_name::text ORDER BY c.column_name) AS columns
                        FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                                                         AND t.table_type = 'BASE TABLE'
                        WHERE c.table_schema = current_schema() AND c.data_type = 'uuid'
                          AND (c.column_name = 'profile_id' OR c.column_name LIKE '%\\_profile\\_id')
                          AND EXISTS (SELECT 1 FROM information_schema.columns tc WHERE tc.table_schema = c.table_schema
                                      AND tc.table_name = c.table_name AND tc.column_name = 'tenant_id')
                        GROUP BY c.table_name ORDER BY c.table_name
                        """)
                .rows(row -> new ProfileTable(row.get("table_name", String.class), List.of(row.get("columns", String[].class))));
    }

    /** The rows of {@code table} that reference any of {@code profileIds}, as JSON without the tenant id. */
    Mono<String> rows(Connection connection, TenantId tenant, ProfileTable table, Collection<UUID> profileIds) {
        return Sql.of(connection, "SELECT coalesce(jsonb_agg(to_jsonb(t) - 'tenant_id'), '[]'::jsonb) AS rows FROM " + quote(table.name())
                        + " t WHERE t.tenant_id = $1 AND (" + table.matches("t") + ")", tenant.value(), profileIds.toArray(UUID[]::new))
                .row(row -> row.get("rows", Json.class).asString());
    }

    Mono<String> profiles(Connection connection, TenantId tenant, Collection<UUID> profileIds) {
        return Sql.of(connection, "SELECT coalesce(jsonb_agg(to_jsonb(p) - 'tenant_id' ORDER BY p.created_at, p.id), '[]'::jsonb) AS rows "
                        + "FROM cdp_profiles p WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])", tenant.value(), profileIds.toArray(UUID[]::new))
                .row(row -> row.get("rows", Json.class).asString());
    }

    Mono<String> edges(Connection connection, TenantId tenant, Collection<Identifier> identifiers) {
        return Sql.of(connection, "SELECT coalesce(jsonb_agg(to_jsonb(e) - 'tenant_id'), '[]'::jsonb) AS rows FROM cdp_identity_edges e "
                        + "WHERE e.tenant_id = $1 AND " + EDGE_MATCH, edgeParameters(tenant, identifiers))
                .row(row -> row.get("rows", Json.class).asString());
    }

    /**
     * Deletes every row that references the profiles, the edges that touch their identifiers, then
     * the profiles; emits the events deleted. Referencing tables go before {@code cdp_profiles}, which
     * some of them reference by foreign key.
     */
    Mono<Long> erase(Connection connection, TenantId tenant, Collection<UUID> profileIds, Collection<Identifier> identifiers) {
        UUID[] ids = profileIds.toArray(UUID[]::new);
        return Sql.of(connection, "DELETE FROM cdp_identity_edges e WHERE e.tenant_id = $1 AND " + EDGE_MATCH, edgeParameters(tenant, identifiers))
                .update()
                .thenMany(discover(connection).collectList().flatMapMany(Flux::fromIterable))
                .filter(table -> !table.name().equals(PROFILES))
                .concatMap(table -> Sql.of(connection, "DELETE FROM " + quote(table.name()) + " t WHERE t.tenant_id = $1 AND ("
                                + table.matches("t") + ")", tenant.value(), ids).update()
                        .map(deleted -> Map.entry(table.name(), deleted)))
                .filter(deleted -> deleted.getKey().equals("cdp_events"))
                .map(Map.Entry::getValue)
                .reduce(0L, Long::sum)
                .flatMap(events -> Sql.of(connection, "DELETE FROM cdp_profiles WHERE tenant_id = $1 AND id = ANY($2::uuid[])", tenant.value(), ids)
                        .update().thenReturn(events));
    }

    private static final String EDGE_MATCH = "((e.from_type, e.from_value) IN (SELECT * FROM unnest($2::text[], $3::text[])) "
            + "OR (e.to_type, e.to_value) IN (SELECT * FROM unnest($2::text[], $3::text[])))";

    private static Object[] edgeParameters(TenantId tenant, Collection<Identifier> identifiers) {
        return new Object[]{tenant.value(), identifiers.stream().map(identifier -> identifier.type().name()).toArray(String[]::new),
                identifiers.stream().map(Identifier::value).toArray(String[]::new)};
    }

    /** Names come from the catalogue, but are quoted all the same. */
    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A table that references profiles through {@code columns}. */
    record ProfileTable(String name, List<String> columns) {

        /** The condition "any referencing column names one of $2". */
        String matches(String alias) {
            return String.join(" OR ", columns.stream().map(column -> alias + "." + quote(column) + " = ANY($2::uuid[])").toList());
        }
    }
}
