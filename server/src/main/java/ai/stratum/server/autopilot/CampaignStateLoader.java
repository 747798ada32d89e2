package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.autopilot.rules.CampaignState;
import ai.stratum.server.autopilot.rules.DailyPerformance;
import ai.stratum.server.autopilot.rules.Flight;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the rules need to know of each campaign with a budget: its settings, its daily performance
 * over the lookback, today's spend in the account's time zone, when it last got an action (for
 * the cooldown) and how far its budget has already moved today (for the daily cap).
 */
@Singleton
class CampaignStateLoader {

    Flux<CampaignState> campaigns(Connection connection, TenantId tenant, int lookbackDays, Instant now) {
        return Sql.of(connection, "SELECT * FROM campaigns WHERE tenant_id = $1 AND budget_micros IS NOT NULL AND budget_micros > 0 "
                        + "AND status IN ('ACTIVE', 'PAUSED') ORDER BY platform, campaign_id", tenant.value())
                .rows(CampaignRow::of)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(row -> state(connection, tenant, row, lookbackDays, now));
    }

    private Mono<CampaignState> state(Connection connection, TenantId tenant, CampaignRow row, int lookbackDays, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, row.zone());
        return Sql.of(connection, "SELECT * FROM campaign_daily_performance WHERE tenant_id = $1 AND platform = $2 AND campaign_id = $3 "
                                + "AND date BETWEEN $4 AND $5 ORDER BY date",
                        tenant.value(), row.platform().name(), row.campaignId(), today.minusDays(lookbackDays), today)
                .rows(CampaignStateLoader::day)
                .collectList()
                .flatMap(days -> lastAction(connection, tenant, row).flatMap(last -> changedToday(connection, tenant, row, today)
                        .map(changed -> new CampaignState(row.platform(), row.accountId(), row.campaignId(), row.name(), row.status(),
                                row.budgetMicros(), row.period(), row.currency(), row.zone(),
                                days.stream().filter(day -> day.date().isBefore(today)).toList(),
                                days.stream().filter(day -> day.date().equals(today)).mapToLong(DailyPerformance::spendMicros).sum(),
                                last, changed, row.flight()))));
    }

    /** The newest action on the campaign that was meant to change it: dry runs and rejections do not start a cooldown. */
    private static Mono<Optional<Instant>> lastAction(Connection connection, TenantId tenant, CampaignRow row) {
        return Sql.of(connection, "SELECT max(created_at) AS at FROM automation_actions WHERE tenant_id = $1 AND platform = $2 "
                                + "AND entity_id = $3 AND status NOT IN ('DRY_RUN', 'REJECTED')",
                        tenant.value(), row.platform().name(), row.campaignId())
                .row(result -> Optional.ofNullable(result.get("at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }

    /** Sum of today's executed budget moves, in percent of the budget each started from. */
    private static Mono<Double> changedToday(Connection connection, TenantId tenant, CampaignRow row, LocalDate today) {
        return Sql.of(connection, "SELECT coalesce(sum(abs((parameters->>'budgetMicros')::numeric - (parameters->>'previousBudgetMicros')::numeric) "
                                + "* 100 / nullif((parameters->>'previousBudgetMicros')::numeric, 0)), 0) AS pct "
                                + "FROM automation_actions WHERE tenant_id = $1 AND platform = $2 AND entity_id = $3 AND status = 'EXECUTED' "
                                + "AND parameters ? 'previousBudgetMicros' AND (executed_at AT TIME ZONE $4)::date = $5",
                        tenant.value(), row.platform().name(), row.campaignId(), row.zone().getId(), today)
                .row(result -> result.get("pct", BigDecimal.class).doubleValue());
    }

    private static DailyPerformance day(Readable row) {
        return new DailyPerformance(row.get("date", LocalDate.class), row.get("spend_micros", Long.class),
                row.get("revenue_micros", Long.class), row.get("conversions", Double.class), row.get("impressions", Long.class),
                row.get("clicks", Long.class));
    }

    private record CampaignRow(Platform platform, String accountId, String campaignId, String name, EntityStatus status,
                               long budgetMicros, BudgetPeriod period, String currency, ZoneId zone, Optional<Flight> flight) {

        static CampaignRow of(Readable row) {
            LocalDate start = row.get("flight_start", LocalDate.class);
            LocalDate end = row.get("flight_end", LocalDate.class);
            String period = row.get("budget_period", String.class);
            return new CampaignRow(Platform.valueOf(row.get("platform", String.class)), row.get("account_id", String.class),
                    row.get("campaign_id", String.class), row.get("name", String.class),
                    EntityStatus.valueOf(row.get("status", String.class)), row.get("budget_micros", Long.class),
                    period == null ? BudgetPeriod.DAILY : BudgetPeriod.valueOf(period), row.get("currency", String.class),
                    ZoneId.of(row.get("account_timezone", String.class)),
                    start != null && end != null ? Optional.of(new Flight(start, end)) : Optional.empty());
        }
    }
}
