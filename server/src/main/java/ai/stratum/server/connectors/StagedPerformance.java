package ai.stratum.server.connectors;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

import static ai.stratum.server.connectors.ColumnArrays.texts;

/**
 * SQL for {@code sync_staged_performance}: the daily rows a running sync has read so far. They are
 * staged as the pages come, moved into {@code campaign_daily_performance} in the sync's final
 * transaction, and discarded when the sync fails, so a sync never holds its whole date range in
 * memory and never leaves part of it behind.
 */
@Singleton
class StagedPerformance {

    Mono<Long> stage(Connection connection, TenantId tenant, UUID runId, List<CampaignDailyPerformance> rows) {
        return Flux.fromIterable(ColumnArrays.batches(rows))
                .concatMap(batch -> Sql.of(connection,
                                "INSERT INTO sync_staged_performance (tenant_id, run_id, campaign_id, date, spend_micros, "
                                        + "revenue_micros, conversions, impressions, clicks, currency) "
                                        + "SELECT $1, $2, r.campaign_id, r.day::date, r.spend, r.revenue, r.conversions, r.impressions, "
                                        + "r.clicks, r.currency "
                                        + "FROM unnest($3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::float8[], $8::bigint[], "
                                        + "$9::bigint[], $10::text[]) "
                                        + "AS r(campaign_id, day, spend, revenue, conversions, impressions, clicks, currency)",
                                tenant.value(), runId,
                                texts(batch, CampaignDailyPerformance::campaignId),
                                texts(batch, row -> row.date().toString()),
                                batch.stream().map(row -> row.spend().micros()).toArray(Long[]::new),
                                batch.stream().map(row -> row.revenue().micros()).toArray(Long[]::new),
                                batch.stream().map(CampaignDailyPerformance::conversions).toArray(Double[]::new),
                                batch.stream().map(CampaignDailyPerformance::impressions).toArray(Long[]::new),
                                batch.stream().map(CampaignDailyPerformance::clicks).toArray(Long[]::new),
                                texts(batch, row -> row.spend().currency()))
                        .update())
                .reduce(0L, Long::sum);
    }

    /** Moves the run's staged rows into {@code campaign_daily_performance}; part of the sync's final transaction. */
    Mono<Long> moveIntoPerformance(Connection connection, TenantId tenant, Platform platform, UUID runId) {
        return Sql.of(connection, "INSERT INTO campaign_daily_performance (tenant_id, platform, campaign_id, date, spend_micros, "
                                + "revenue_micros, conversions, impressions, clicks, currency, updated_at) "
                                + "SELECT tenant_id, $3, campaign_id, date, spend_micros, revenue_micros, conversions, impressions, "
                                + "clicks, currency, now() FROM sync_staged_performance WHERE tenant_id = $1 AND run_id = $2",
                        tenant.value(), runId, platform.name())
                .update()
                .flatMap(moved -> discard(connection, tenant, runId).thenReturn(moved));
    }

    /** Deletes the run's staged rows: the run failed, or they have been moved. */
    Mono<Long> discard(Connection connection, TenantId tenant, UUID runId) {
        return Sql.of(connection, "DELETE FROM sync_staged_performance WHERE tenant_id = $1 AND run_id = $2", tenant.value(), runId)
                .update();
    }

    /** Deletes what runs of the connection that are over left behind (a server stopped mid-sync). */
    Mono<Long> discardEnded(Connection connection, TenantId tenant, UUID connectionId) {
        return Sql.of(connection, "DELETE FROM sync_staged_performance WHERE tenant_id = $1 AND run_id IN (SELECT id FROM sync_runs "
                                + "WHERE tenant_id = $1 AND connection_id = $2 AND status <> 'RUNNING')",
                        tenant.value(), connectionId)
                .update();
    }
}
