package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Reads what an action's amount needs from the synced campaigns: the campaign's budget period,
 * and the account's currency (every campaign of an account shares it).
 */
@Singleton
class ActionTargets {

    private final Database database;

    ActionTargets(Database database) {
        this.database = database;
    }

    Mono<ActionRequests.Target> of(TenantId tenant, StoredAction action) {
        return database.inTenantOne(tenant, connection -> {
            Mono<Optional<BudgetPeriod>> period = action.entityType() != EntityType.CAMPAIGN
                    ? Mono.just(Optional.empty())
                    : Sql.of(connection, "SELECT budget_period FROM campaigns WHERE tenant_id = $1 AND platform = $2 AND campaign_id = $3 "
                                    + "AND account_id = $4", tenant.value(), action.platform().name(), action.entityId(), action.accountId())
                    .row(row -> Optional.ofNullable(row.get("budget_period", String.class)).map(BudgetPeriod::valueOf))
                    .defaultIfEmpty(Optional.empty());
            Mono<Optional<String>> currency = Sql.of(connection, "SELECT currency FROM campaigns WHERE tenant_id = $1 AND platform = $2 "
                                    + "AND account_id = $3 ORDER BY (campaign_id = $4) DESC, updated_at DESC LIMIT 1",
                            tenant.value(), action.platform().name(), action.accountId(), action.entityId())
                    .row(row -> Optional.of(row.get("currency", String.class).strip()))
                    .defaultIfEmpty(Optional.empty());
            return period.zipWith(currency, ActionRequests.Target::new);
        });
    }
}
