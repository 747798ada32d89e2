package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * SQL for what a sync writes into {@code campaigns} and {@code campaign_daily_performance}: rows
 * go in as arrays, a few thousand per statement, rather than one statement per row.
 */
@Singleton
class SyncedDataRepository {

    static final int BATCH = 2000;

    /** Inserts or updates the account's campaigns; flights and time zone, which the plugin API does not carry, are kept. */
    Mono<Long> upsertCampaigns(Connection connection, TenantId tenant, Platform platform, String accountId,
                               List<Campaign> campaigns, String fallbackCurrency) {
        return Flux.fromIterable(batches(campaigns))
                .concatMap(batch -> Sql.of(connection,
                                "INSERT INTO campaigns (tenant_id, platform, account_id, campaign_id, name, status, objective, "
                                        + "budget_micros, budget_period, currency, updated_at) "
                                        + "SELECT $1, $2, $3, c.id, c.name, c.status, NULLIF(c.objective, ''), "
                                        + "NULLIF(c.budget, '')::bigint, NULLIF(c.period, ''), c.currency, now() "
                                        + "FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) "
                                        + "AS c(id, name, status, objective, budget, period, currency) "
                                        + "ON CONFLICT (tenant_id, platform, campaign_id) DO UPDATE SET account_id = EXCLUDED.account_id, "
                                        + "name = EXCLUDED.name, status = EXCLUDED.status, objective = EXCLUDED.objective, "
                                        + "budget_micros = EXCLUDED.budget_micros, budget_period = EXCLUDED.budget_period, "
                                        + "currency = EXCLUDED.currency, updated_at = now()",
                                tenant.value(), platform.name(), accountId,
                                column(batch, Campaign::id), column(batch, Campaign::name),
                                column(batch, campaign -> campaign.status().name()), column(batch, Campaign::objective),
                                column(batch, campaign -> budget(campaign).map(b -> Long.toString(b.amount().micros())).orElse("")),
                                column(batch, campaign -> budget(campaign).map(b -> b.period().name()).orElse("")),
                                column(batch, campaign -> budget(campaign).map(b -> b.amount().currency()).orElse(fallbackCurrency)))
                        .update())
                .reduce(0L, Long::sum);
    }

    /** Deletes the window's days of every campaign the tenant has stored for the account. */
    Mono<Long> deleteWindow(Connection connection, TenantId tenant, Platform platform, String accountId, SyncWindow window) {
        return Sql.of(connection, "DELETE FROM campaign_daily_performance WHERE tenant_id = $1 AND platform = $2 "
                                + "AND date BETWEEN $3 AND $4 AND campaign_id IN (SELECT campaign_id FROM campaigns "
                                + "WHERE tenant_id = $1 AND platform = $2 AND account_id = $5)",
                        tenant.value(), platform.name(), window.from(), window.to(), accountId)
                .update();
    }

    Mono<Long> insertPerformance(Connection connection, TenantId tenant, Platform platform, List<CampaignDailyPerformance> rows) {
        return Flux.fromIterable(batches(rows))
                .concatMap(batch -> Sql.of(connection,
                                "INSERT INTO campaign_daily_performance (tenant_id, platform, campaign_id, date, spend_micros, "
                                        + "revenue_micros, conversions, impressions, clicks, currency, updated_at) "
                                        + "SELECT $1, $2, r.campaign_id, r.day::date, r.spend, r.revenue, r.conversions, r.impressions, "
                                        + "r.clicks, r.currency, now() "
                                        + "FROM unnest($3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::float8[], $8::bigint[], "
                                        + "$9::bigint[], $10::text[]) "
                                        + "AS r(campaign_id, day, spend, revenue, conversions, impressions, clicks, currency)",
                                tenant.value(), platform.name(),
                                column(batch, CampaignDailyPerformance::campaignId),
                                column(batch, row -> row.date().toString()),
                                batch.stream().map(row -> row.spend().micros()).toArray(Long[]::new),
                                batch.stream().map(row -> row.revenue().micros()).toArray(Long[]::new),
                                batch.stream().map(CampaignDailyPerformance::conversions).toArray(Double[]::new),
                                batch.stream().map(CampaignDailyPerformance::impressions).toArray(Long[]::new),
                                batch.stream().map(CampaignDailyPerformance::clicks).toArray(Long[]::new),
                                column(batch, row -> row.spend().currency()))
                        .update())
                .reduce(0L, Long::sum);
    }

    /** The account's stored totals per day in a range, summed over its campaigns. */
    Flux<DailyTotals> dailyTotals(Connection connection, TenantId tenant, Platform platform, String accountId, LocalDate from,
                                  LocalDate to) {
        return Sql.of(connection, "SELECT p.date, sum(p.spend_micros)::bigint AS spend, sum(p.revenue_micros)::bigint AS revenue, "
                                + "sum(p.conversions) AS conversions FROM campaign_daily_performance p "
                                + "JOIN campaigns c ON c.tenant_id = p.tenant_id AND c.platform = p.platform AND c.campaign_id = p.campaign_id "
                                + "WHERE p.tenant_id = $1 AND p.platform = $2 AND c.account_id = $3 AND p.date BETWEEN $4 AND $5 "
                                + "GROUP BY p.date ORDER BY p.date",
                        tenant.value(), platform.name(), accountId, from, to)
                .rows(row -> new DailyTotals(row.get("date", LocalDate.class), row.get("spend", Long.class),
                        row.get("revenue", Long.class), row.get("conversions", Double.class)));
    }

    /** The budget the campaigns table keeps: the daily one when there is one, else the lifetime one. */
    static Optional<Budget> budget(Campaign campaign) {
        return campaign.budgets().stream()
                .min(Comparator.comparingInt(budget -> budget.period() == BudgetPeriod.DAILY ? 0 : 1));
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    private static <T> List<List<T>> batches(List<T> rows) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < rows.size(); start += BATCH) {
            batches.add(rows.subList(start, Math.min(rows.size(), start + BATCH)));
        }
        return batches;
    }
}
