package ai.stratum.server.autopilot.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * The autopilot's built-in rules. Each maps one to one to the seed's rule identifier
 * ({@code budget_pacing}, {@code performance_scaling}, {@code status_management}).
 *
 * <p>The declaration order is the order the engine runs the rules in, and it breaks ties when two
 * rules propose the same budget (see {@link ProposalArbiter}).
 */
public enum RuleType {
    /** Keeps spend even through the day (daily budgets) or the flight (lifetime budgets). */
    BUDGET_PACING("budget_pacing"),
    /** Moves the budget with ROAS or CPA measured against the tenant's targets. */
    PERFORMANCE_SCALING("performance_scaling"),
    /** Pauses campaigns that spend without results or far below target. */
    STATUS_MANAGEMENT("status_management");

    private final String id;

    RuleType(String id) {
        this.id = id;
    }

    /** The seed's identifier, for example {@code budget_pacing}. */
    public String id() {
        return id;
    }

    /**
     * Finds the rule with the given seed identifier.
     *
     * @param id a seed identifier such as {@code status_management}
     * @return the rule type, or empty when no rule has that identifier
     */
    public static Optional<RuleType> fromId(String id) {
        return Arrays.stream(values()).filter(type -> type.id.equals(id)).findFirst();
    }
}
