package ai.stratum.server.cdp.consent;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for {@code cdp_consent}. Runs on the connection of the caller's transaction, which holds the tenant's identity lock. */
@Singleton
public class ConsentRepository {

    private static final String COLUMNS = "profile_id, purpose, granted, source, stated_at, source_id, message_id, set_by";

    /**
     * Stores each statement unless the profile's stored one for its purpose is newer.
     *
     * @param statements at most one per profile and purpose ({@link NewestConsent#of})
     */
    public Mono<Long> save(Connection connection, TenantId tenant, List<Map.Entry<UUID, ConsentStatement>> statements) {
        if (statements.isEmpty()) {
            return Mono.just(0L);
        }
        int n = statements.size();
        UUID[] profiles = new UUID[n];
        String[] purposes = new String[n];
        Boolean[] granted = new Boolean[n];
        String[] sources = new String[n];
        String[] statedAt = new String[n];
        UUID[] sourceIds = new UUID[n];
        String[] messageIds = new String[n];
        UUID[] setBy = new UUID[n];
        for (int i = 0; i < n; i++) {
            ConsentStatement statement = statements.get(i).getValue();
            profiles[i] = statements.get(i).getKey();
            purposes[i] = statement.purpose().name();
            granted[i] = statement.granted();
            sources[i] = statement.source().name();
            statedAt[i] = statement.statedAt().toString();
            sourceIds[i] = statement.sourceId().orElse(null);
            messageIds[i] = statement.messageId().orElse(null);
            setBy[i] = statement.setBy().orElse(null);
        }
        return Sql.of(connection, """
                        INSERT INTO cdp_consent (tenant_id, profile_id, purpose, granted, source, stated_at, source_id, message_id, set_by)
                        SELECT $1, u.profile_id, u.purpose, u.granted, u.source, u.stated_at::timestamptz, u.source_id, u.message_id, u.set_by
                        FROM unnest($2::uuid[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::uuid[])
                             AS u(profile_id, purpose, granted, source, stated_at, source_id, message_id, set_by)
                        ON CONFLICT (tenant_id, profile_id, purpose) DO UPDATE SET
                            granted = EXCLUDED.granted, source = EXCLUDED.source, stated_at = EXCLUDED.stated_at,
                            source_id = EXCLUDED.source_id, message_id = EXCLUDED.message_id, set_by = EXCLUDED.set_by,
                            recorded_at = now()
                        WHERE EXCLUDED.stated_at >= cdp_consent.stated_at
                        """, tenant.value(), profiles, purposes, granted, sources, statedAt, sourceIds, messageIds, setBy)
                .update();
    }

    /**
     * Moves the statements of merged profiles to their survivor: per purpose, the newest statement
     * among the survivor's and the merged profiles' is kept.
     */
    public Mono<Long> moveMerged(Connection connection, TenantId tenant, Map<UUID, UUID> mergedInto) {
        if (mergedInto.isEmpty()) {
            return Mono.just(0L);
        }
        UUID[] merged = mergedInto.keySet().toArray(UUID[]::new);
        UUID[] live = new UUID[merged.length];
        for (int i = 0; i < merged.length; i++) {
            live[i] = mergedInto.get(merged[i]);
        }
        return Sql.of(connection, """
                        WITH moved AS (
                            DELETE FROM cdp_consent c USING unnest($2::uuid[], $3::uuid[]) AS m(merged, live)
                            WHERE c.tenant_id = $1 AND c.profile_id = m.merged
                            RETURNING m.live, c.purpose, c.granted, c.source, c.stated_at, c.source_id, c.message_id, c.set_by, c.recorded_at)
                        INSERT INTO cdp_consent (tenant_id, profile_id, purpose, granted, source, stated_at, source_id, message_id, set_by,
                                                 recorded_at)
                        SELECT DISTINCT ON (live, purpose) $1, live, purpose, granted, source, stated_at, source_id, message_id, set_by,
                               recorded_at
                        FROM moved ORDER BY live, purpose, stated_at DESC, recorded_at DESC
                        ON CONFLICT (tenant_id, profile_id, purpose) DO UPDATE SET
                            granted = EXCLUDED.granted, source = EXCLUDED.source, stated_at = EXCLUDED.stated_at,
                            source_id = EXCLUDED.source_id, message_id = EXCLUDED.message_id, set_by = EXCLUDED.set_by,
                            recorded_at = EXCLUDED.recorded_at
                        WHERE EXCLUDED.stated_at > cdp_consent.stated_at
                        """, tenant.value(), merged, live)
                .update();
    }

    /** The statements of {@code profileIds}, by profile, in purpose order. */
    public Flux<Map.Entry<UUID, ConsentStatement>> of(Connection connection, TenantId tenant, Collection<UUID> profileIds) {
        if (profileIds.isEmpty()) {
            return Flux.empty();
        }
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM cdp_consent WHERE tenant_id = $1 AND profile_id = ANY($2::uuid[]) "
                        + "ORDER BY profile_id, array_position(ARRAY['ANALYTICS','ADVERTISING','PERSONALIZATION','EMAIL','SMS'], purpose)",
                        tenant.value(), profileIds.toArray(UUID[]::new))
                .rows(row -> Map.entry(row.get("profile_id", UUID.class), map(row)));
    }

    private static ConsentStatement map(Readable row) {
        return new ConsentStatement(ConsentPurpose.valueOf(row.get("purpose", String.class)), row.get("granted", Boolean.class),
                ConsentSource.valueOf(row.get("source", String.class)), row.get("stated_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.get("source_id", UUID.class)), Optional.ofNullable(row.get("message_id", String.class)),
                Optional.ofNullable(row.get("set_by", UUID.class)));
    }
}
