package ai.stratum.server.ml;

/** What a forecast covers. */
public enum ForecastLevel {
    /** One campaign, in its own currency. */
    CAMPAIGN,
    /** All of a platform's campaigns together, in the tenant's currency. */
    PLATFORM
}
