package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Which field of a Snap entity a {@link Change} sets, and setting it. Every change is an absolute
 * value written into the full object, so applying it twice leaves the same object.
 *
 * <table>
 *   <caption>Fields per entity</caption>
 *   <tr><th>change</th><th>campaign</th><th>ad squad (ADSET)</th><th>ad</th></tr>
 *   <tr><td>daily budget</td><td>{@code daily_budget_micro}</td><td>{@code daily_budget_micro}</td><td>rejected</td></tr>
 *   <tr><td>lifetime budget</td><td>{@code lifetime_spend_cap_micro}</td><td>{@code lifetime_budget_micro}</td>
 *       <td>rejected</td></tr>
 *   <tr><td>bid</td><td>rejected (Snap bids on ad squads)</td><td>{@code bid_micro}</td><td>rejected</td></tr>
 *   <tr><td>status ACTIVE / PAUSED</td><td>{@code status}</td><td>{@code status}</td><td>{@code status}</td></tr>
 * </table>
 *
 * Other statuses (archive, delete) are rejected: Snap's update takes only {@code ACTIVE} and
 * {@code PAUSED}. Amounts go as micro-currency in the account's currency ({@link MicroCurrency}).
 */
final class EntityChanges {

    private EntityChanges() {
    }

    /**
     * Refuses, before any call, a change Snap cannot make on that kind of entity.
     *
     * @throws ConnectorException rejected, saying why
     */
    static void check(EntityKind kind, Change change) {
        field(kind, change);
    }

    static boolean carriesMoney(Change change) {
        return change instanceof Change.SetBudget || change instanceof Change.SetBid;
    }

    /** Writes the change into the entity's object. */
    static void apply(EntityKind kind, ObjectNode entity, Change change, String accountCurrency) {
        String field = field(kind, change);
        if (change instanceof Change.SetBudget budget) {
            entity.put(field, MicroCurrency.toMicros(budget.amount(), accountCurrency));
        } else if (change instanceof Change.SetBid bid) {
            entity.put(field, MicroCurrency.toMicros(bid.amount(), accountCurrency));
        } else if (change instanceof Change.SetStatus status) {
            entity.put(field, status.status().name());
        }
    }

    private static String field(EntityKind kind, Change change) {
        if (change instanceof Change.SetBudget budget) {
            return budgetField(kind, budget.period());
        }
        if (change instanceof Change.SetBid) {
            if (kind != EntityKind.AD_SQUAD) {
                throw ConnectorException.rejected("Snapchat sets bids on ad squads (ADSET), not on a "
                        + kind.singular, null);
            }
            return "bid_micro";
        }
        EntityStatus target = ((Change.SetStatus) change).status();
        if (target != EntityStatus.ACTIVE && target != EntityStatus.PAUSED) {
            throw ConnectorException.rejected("Snapchat updates take only ACTIVE or PAUSED, not " + target
                    + ", for a " + kind.singular, null);
        }
        return "status";
    }

    private static String budgetField(EntityKind kind, BudgetPeriod period) {
        return switch (kind) {
            case CAMPAIGN -> period == BudgetPeriod.DAILY ? "daily_budget_micro" : "lifetime_spend_cap_micro";
            case AD_SQUAD -> period == BudgetPeriod.DAILY ? "daily_budget_micro" : "lifetime_budget_micro";
            case AD -> throw ConnectorException.rejected(
                    "a Snapchat ad has no budget; budgets are set on its ad squad (ADSET) or campaign", null);
        };
    }
}
