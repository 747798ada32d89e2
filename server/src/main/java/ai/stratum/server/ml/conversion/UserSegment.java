package ai.stratum.server.ml.conversion;

/**
 * What the visitor is to the shop: a first visit, a returning visitor, or a high-value customer. Seed
 * 001's values, upper-cased; the model reads the ordinal.
 */
public enum UserSegment {
    NEW,
    RETURNING,
    HIGH_VALUE
}
