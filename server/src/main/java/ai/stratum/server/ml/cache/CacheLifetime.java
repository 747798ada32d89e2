package ai.stratum.server.ml.cache;

/**
 * Seed 001's cache lifetimes ("Caching Strategy"), by kind of result. The durations are configuration
 * ({@link CacheLifetimes}); these are their names and defaults.
 */
public enum CacheLifetime {
    /** ROAS and revenue predictions, budget simulations and forecasts: 30 minutes. */
    ROAS,
    /** Real-time predictions, such as a visitor's conversion probability: 15 minutes. */
    REAL_TIME,
    /** Creative fatigue scores: 24 hours. */
    FATIGUE
}
