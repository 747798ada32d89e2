package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static ai.stratum.server.connectors.ColumnArrays.texts;

/**
 * SQL for what a sync writes into {@code campaigns} and {@code campaign_daily_performance} (whose
 * new rows come from {@link StagedPerformance}): rows go in as arrays, a few thousand per
 * statement, rather than one statement per row.
 */
@Singleton
class SyncedDataRepository {

    /** Inserts or updates the account's campaigns; flights and time zone, which the plugin API does not carry, are kept. */
    Mono<Long> upsertCampaigns(Connection connection, TenantId tenant, Platform platform, String accountId,
                               List<Campaign> campaigns, String fallbackCurrency) {
        return Flux.fromIterable(ColumnArrays.batches(campaigns))
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
                                texts(batch, Campaign::id), texts(batch, Campaign::name),
                                texts(batch, campaign -> campaign.status().name()), texts(batch, Campaign::objective),
                                texts(batch, campaign -> budget(campaign).map(b -> Long.toString(b.amount().micros())).orElse("")),
                                texts(batch, campaign -> budget(campaign).map(b -> b.period().name()).orElse("")),
                                texts(batch, campaign -> budget(campaign).map(b -> b.amount().currency()).orElse(fallbackCurrency)))
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
}
