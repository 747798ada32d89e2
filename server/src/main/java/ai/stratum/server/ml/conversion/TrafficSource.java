package ai.stratum.server.ml.conversion;

/** Where a session came from. Seed 001's values, upper-cased; the model reads the ordinal. */
public enum TrafficSource {
    ORGANIC,
    PAID,
    DIRECT,
    SOCIAL
}
