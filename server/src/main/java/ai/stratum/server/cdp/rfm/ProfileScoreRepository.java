package ai.stratum.server.cdp.rfm;

import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/** SQL of {@code cdp_profile_scores}, and the order history RFM is computed from. */
@Singleton
public class ProfileScoreRepository {

    /**
     * Every live customer's order history: the newest order event and the number of order events (its
     * own and its merged profiles'), and its revenue in {@code currency}.
     */
    Flux<RfmScorer.Customer> customers(Connection connection, TenantId tenant, Set<String> orderEvents, String currency) {
        return Sql.of(connection, "SELECT o.profile_id, o.last_order, o.orders, "
                        + "coalesce((lp.revenue_micros ->> $3)::numeric, 0)::bigint AS revenue FROM ("
                        + "SELECT coalesce(pr.merged_into, pr.id) AS profile_id, max(e.timestamp) AS last_order, count(*) AS orders "
                        + "FROM cdp_events e JOIN cdp_profiles pr ON pr.tenant_id = e.tenant_id AND pr.id = e.profile_id "
                        + "WHERE e.tenant_id = $1 AND e.type = 'TRACK' AND lower(e.event) = ANY($2::text[]) GROUP BY 1) o "
                        + "JOIN cdp_profiles lp ON lp.tenant_id = $1 AND lp.id = o.profile_id AND lp.merged_into IS NULL",
                        tenant.value(), orderEvents.stream().map(String::toLowerCase).toArray(String[]::new), currency)
                .rows(row -> new RfmScorer.Customer(row.get("profile_id", UUID.class),
                        row.get("last_order", OffsetDateTime.class).toInstant(), row.get("orders", Long.class), row.get("revenue", Long.class)));
    }

    /** Stores the scores and clears the RFM scores of every profile not among them (no longer a live customer). */
    Mono<Long> replaceRfm(Connection connection, TenantId tenant, List<RfmScorer.Scores> scores, Instant now) {
        UUID[] ids = scores.stream().map(RfmScorer.Scores::profileId).toArray(UUID[]::new);
        return Sql.of(connection, "INSERT INTO cdp_profile_scores (tenant_id, profile_id, rfm_recency, rfm_frequency, rfm_monetary, "
                                + "rfm_group, rfm_computed_at) SELECT $1, s.profile_id, s.r, s.f, s.m, s.g, $7 FROM unnest($2::uuid[], $3::int[], "
                                + "$4::int[], $5::int[], $6::text[]) AS s (profile_id, r, f, m, g) ON CONFLICT (tenant_id, profile_id) DO UPDATE SET "
                                + "rfm_recency = EXCLUDED.rfm_recency, rfm_frequency = EXCLUDED.rfm_frequency, rfm_monetary = EXCLUDED.rfm_monetary, "
                                + "rfm_group = EXCLUDED.rfm_group, rfm_computed_at = EXCLUDED.rfm_computed_at",
                        tenant.value(), ids, scores.stream().map(RfmScorer.Scores::recency).toArray(Integer[]::new),
                        scores.stream().map(RfmScorer.Scores::frequency).toArray(Integer[]::new),
                        scores.stream().map(RfmScorer.Scores::monetary).toArray(Integer[]::new),
                        scores.stream().map(s -> s.group().name()).toArray(String[]::new), now.atOffset(ZoneOffset.UTC))
                .update()
                .then(Sql.of(connection, "UPDATE cdp_profile_scores SET rfm_recency = NULL, rfm_frequency = NULL, rfm_monetary = NULL, "
                        + "rfm_group = NULL, rfm_computed_at = NULL WHERE tenant_id = $1 AND rfm_group IS NOT NULL "
                        + "AND NOT (profile_id = ANY($2::uuid[]))", tenant.value(), ids).update())
                .thenReturn((long) scores.size());
    }

    /** Stores churn probabilities of the given model version, and clears those of profiles not among them. */
    public Mono<Long> replaceChurn(Connection connection, TenantId tenant, UUID[] profiles, Double[] probabilities, int model, Instant now) {
        return Sql.of(connection, "INSERT INTO cdp_profile_scores (tenant_id, profile_id, churn_probability, churn_model, churn_scored_at) "
                                + "SELECT $1, s.profile_id, s.p, $4, $5 FROM unnest($2::uuid[], $3::float8[]) AS s (profile_id, p) "
                                + "ON CONFLICT (tenant_id, profile_id) DO UPDATE SET churn_probability = EXCLUDED.churn_probability, "
                                + "churn_model = EXCLUDED.churn_model, churn_scored_at = EXCLUDED.churn_scored_at",
                        tenant.value(), profiles, probabilities, model, now.atOffset(ZoneOffset.UTC))
                .update()
                .then(Sql.of(connection, "UPDATE cdp_profile_scores SET churn_probability = NULL, churn_model = NULL, churn_scored_at = NULL "
                        + "WHERE tenant_id = $1 AND churn_probability IS NOT NULL AND NOT (profile_id = ANY($2::uuid[]))", tenant.value(), profiles)
                        .update())
                .thenReturn((long) profiles.length);
    }

    public Flux<ProfileScores> find(Connection connection, TenantId tenant, Collection<UUID> profiles) {
        return Sql.of(connection, "SELECT profile_id, rfm_recency, rfm_frequency, rfm_monetary, rfm_group, rfm_computed_at, churn_probability "
                        + "FROM cdp_profile_scores WHERE tenant_id = $1 AND profile_id = ANY($2::uuid[])", tenant.value(),
                profiles.toArray(UUID[]::new)).rows(ProfileScoreRepository::scores);
    }

    private static ProfileScores scores(Readable row) {
        String group = row.get("rfm_group", String.class);
        Optional<ProfileScores.Rfm> rfm = group == null ? Optional.empty() : Optional.of(new ProfileScores.Rfm(
                row.get("rfm_recency", Short.class), row.get("rfm_frequency", Short.class), row.get("rfm_monetary", Short.class),
                RfmGroup.valueOf(group), row.get("rfm_computed_at", OffsetDateTime.class).toInstant()));
        Double churn = row.get("churn_probability", Double.class);
        return new ProfileScores(row.get("profile_id", UUID.class), rfm, churn == null ? OptionalDouble.empty() : OptionalDouble.of(churn));
    }
}
