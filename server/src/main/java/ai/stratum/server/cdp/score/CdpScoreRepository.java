package ai.stratum.server.cdp.score;

import ai.stratum.server.database.Sql;
import ai.stratum.server.signals.TenantCdpScore;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** SQL for the CDP score: its inputs over the window, and {@code cdp_scores}. */
@Singleton
public class CdpScoreRepository implements TenantCdpScore {

    private static final String STRONG_TYPES = "('USER_ID', 'EMAIL', 'PHONE', 'EXTERNAL_ID')";

    /** The figures since {@code since}, read one after another (a connection runs one statement at a time). */
    Mono<CdpScoreInputs> inputs(Connection connection, TenantId tenant, Instant since) {
        Mono<long[]> events = Sql.of(connection, "SELECT coalesce(sum(events), 0)::bigint AS total, "
                        + "coalesce(sum(events_with_strong_identifier), 0)::bigint AS strong FROM cdp_identity_daily "
                        + "WHERE tenant_id = $1 AND day >= $2", tenant.value(), LocalDate.ofInstant(since, ZoneOffset.UTC))
                .row(CdpScoreRepository::pair);
        Mono<long[]> profiles = Sql.of(connection, "SELECT count(*) AS total, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cdp_identifiers i "
                        + "WHERE i.tenant_id = p.tenant_id AND i.profile_id = p.id AND i.type IN " + STRONG_TYPES + ")) AS strong "
                        + "FROM cdp_profiles p WHERE p.tenant_id = $1 AND p.merged_into IS NULL AND p.last_seen_at >= $2",
                        tenant.value(), since.atOffset(ZoneOffset.UTC))
                .row(CdpScoreRepository::pair);
        Mono<long[]> audience = Sql.of(connection, "SELECT coalesce(sum(sent), 0)::bigint AS total, coalesce(sum(matched), 0)::bigint AS strong "
                        + "FROM (SELECT DISTINCT ON (platform) sent, matched FROM cdp_audience_match_reports "
                        + "WHERE tenant_id = $1 AND measured_at >= $2 ORDER BY platform, measured_at DESC) newest",
                        tenant.value(), since.atOffset(ZoneOffset.UTC))
                .row(CdpScoreRepository::pair);
        return events.flatMap(e -> profiles.flatMap(p -> audience.map(a -> new CdpScoreInputs(e[0], e[1], p[0], p[1], a[0], a[1]))));
    }

    Mono<Long> save(Connection connection, TenantId tenant, CdpScore score) {
        CdpScoreInputs in = score.inputs();
        return Sql.of(connection, """
                        INSERT INTO cdp_scores (tenant_id, score, events, events_with_strong_identifier, profiles, profiles_with_strong_identifier,
                                                audience_sent, audience_matched, computed_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (tenant_id) DO UPDATE SET score = EXCLUDED.score, events = EXCLUDED.events,
                            events_with_strong_identifier = EXCLUDED.events_with_strong_identifier, profiles = EXCLUDED.profiles,
                            profiles_with_strong_identifier = EXCLUDED.profiles_with_strong_identifier,
                            audience_sent = EXCLUDED.audience_sent, audience_matched = EXCLUDED.audience_matched,
                            computed_at = EXCLUDED.computed_at
                        """, tenant.value(), score.score(), in.events(), in.eventsWithStrongIdentifier(), in.profiles(),
                        in.profilesWithStrongIdentifier(), in.audienceSent(), in.audienceMatched(), score.computedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /** No data in the window any more: the tenant has no score. */
    Mono<Long> clear(Connection connection, TenantId tenant) {
        return Sql.of(connection, "DELETE FROM cdp_scores WHERE tenant_id = $1", tenant.value()).update();
    }

    Mono<CdpScore> find(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT * FROM cdp_scores WHERE tenant_id = $1", tenant.value()).row(CdpScoreRepository::map);
    }

    @Override
    public Mono<Double> score(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT score FROM cdp_scores WHERE tenant_id = $1", tenant.value()).row(row -> row.get("score", Double.class));
    }

    private static CdpScore map(Readable row) {
        CdpScoreInputs inputs = new CdpScoreInputs(row.get("events", Long.class), row.get("events_with_strong_identifier", Long.class),
                row.get("profiles", Long.class), row.get("profiles_with_strong_identifier", Long.class),
                row.get("audience_sent", Long.class), row.get("audience_matched", Long.class));
        Instant computedAt = row.get("computed_at", OffsetDateTime.class).toInstant();
        // the shares are recomputed from the stored figures; the stored score is the one the trust engine used
        CdpScore recomputed = CdpScoreCalculator.score(inputs, computedAt).orElseThrow();
        return new CdpScore(row.get("score", Double.class), inputs, recomputed.eventShare(), recomputed.profileShare(),
                recomputed.audienceMatchRate(), computedAt);
    }

    private static long[] pair(Readable row) {
        return new long[]{row.get("total", Long.class), row.get("strong", Long.class)};
    }
}
