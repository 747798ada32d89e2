package ai.stratum.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * A campaign as the platform reports it.
 *
 * @param id        the platform's campaign id
 * @param name      the campaign name
 * @param status    its delivery status, mapped from the platform's
 * @param objective the platform's own objective value, for example {@code OUTCOME_SALES}
 * @param budgets   the budgets set on the campaign itself; empty when budgets sit on its ad sets
 */
public record Campaign(String id, String name, EntityStatus status, String objective, List<Budget> budgets) {

    /**
     * Creates a campaign.
     *
     * @param id the platform's campaign id
     * @param name the campaign name
     * @param status its delivery status, mapped from the platform's
     * @param objective the platform's own objective value, for example {@code OUTCOME_SALES}
     * @param budgets the budgets set on the campaign itself; empty when budgets sit on its ad sets
     */
    public Campaign {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(objective, "objective");
        budgets = List.copyOf(budgets);
    }
}
