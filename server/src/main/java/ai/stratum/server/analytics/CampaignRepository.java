package ai.stratum.server.analytics;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for listing {@code campaigns}, in primary-key order so the key serves as the page cursor. */
@Singleton
class CampaignRepository {

    private static final String COLUMNS = "platform, account_id, campaign_id, name, status, objective, budget_micros, budget_period, "
            + "currency, account_timezone, updated_at";

    /** One page after the cursor; asks for {@code limit} rows, one more than the page, to know if another follows. */
    Flux<Campaign> page(Connection connection, TenantId tenant, CampaignFilter filter, Optional<CampaignCursor> after, int limit) {
        Where where = Where.of(tenant, filter);
        after.ifPresent(cursor -> where.and("(platform, campaign_id) > ($%d, $%d)", cursor.platform().name(), cursor.campaignId()));
        List<Object> parameters = new ArrayList<>(where.parameters);
        parameters.add(limit);
        return Sql.of(connection, "SELECT " + COLUMNS + " FROM campaigns WHERE " + where.sql
                                + " ORDER BY platform, campaign_id LIMIT $" + parameters.size(), parameters.toArray())
                .rows(CampaignRepository::map);
    }

    Mono<Long> count(Connection connection, TenantId tenant, CampaignFilter filter) {
        Where where = Where.of(tenant, filter);
        return Sql.of(connection, "SELECT count(*) AS n FROM campaigns WHERE " + where.sql, where.parameters.toArray())
                .row(row -> row.get("n", Long.class));
    }

    private static Campaign map(Readable row) {
        Long budget = row.get("budget_micros", Long.class);
        String period = row.get("budget_period", String.class);
        String currency = row.get("currency", String.class);
        return new Campaign(
                Platform.valueOf(row.get("platform", String.class)),
                row.get("account_id", String.class),
                row.get("campaign_id", String.class),
                row.get("name", String.class),
                EntityStatus.valueOf(row.get("status", String.class)),
                Optional.ofNullable(row.get("objective", String.class)),
                budget == null ? Optional.empty()
                        : Optional.of(new CampaignBudget(budget, period == null ? BudgetPeriod.DAILY : BudgetPeriod.valueOf(period), currency)),
                currency,
                row.get("account_timezone", String.class),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    /** A WHERE clause and its positional parameters, built up condition by condition. */
    private static final class Where {
        private final List<Object> parameters = new ArrayList<>();
        private String sql = "";

        static Where of(TenantId tenant, CampaignFilter filter) {
            Where where = new Where();
            where.and("tenant_id = $%d", tenant.value());
            filter.platform().ifPresent(platform -> where.and("platform = $%d", platform.name()));
            filter.status().ifPresent(status -> where.and("status = $%d", status.name()));
            return where;
        }

        /** Adds a condition whose {@code %d}s are numbered for the given values, in order. */
        void and(String condition, Object... values) {
            Object[] positions = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                parameters.add(values[i]);
                positions[i] = parameters.size();
            }
            sql = sql.isEmpty() ? condition.formatted(positions) : sql + " AND " + condition.formatted(positions);
        }
    }
}
