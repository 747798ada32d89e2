package ai.stratum.plugin.api;

/** The period a budget amount covers. */
public enum BudgetPeriod {
    /** Spend per day, in the account's time zone. */
    DAILY,
    /** Spend over the whole life of the campaign or ad set. */
    LIFETIME
}
