package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.ActionType;

/** Which way a rule wants a budget to move. */
enum BudgetDirection {
    /** A higher budget, proposed as {@link ActionType#INCREASE_BUDGET}. */
    UP(ActionType.INCREASE_BUDGET),
    /** A lower budget, proposed as {@link ActionType#REDUCE_BUDGET}. */
    DOWN(ActionType.REDUCE_BUDGET);

    private final ActionType actionType;

    BudgetDirection(ActionType actionType) {
        this.actionType = actionType;
    }

    /** The platform action that makes a move this way. */
    ActionType actionType() {
        return actionType;
    }
}
