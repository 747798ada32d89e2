package ai.stratum.plugin.api;

/**
 * The kind of customer identifier in an audience update. The host normalizes each identifier the
 * way the ad platforms require and hashes it with SHA-256 before it reaches your connector; you
 * never see a plain identifier.
 */
public enum IdentifierType {
    /** An email address: trimmed, lower-cased, then hashed. */
    EMAIL_SHA256,
    /** A phone number: E.164 digits with country code and no '+', then hashed. */
    PHONE_SHA256,
    /** A mobile advertising id (IDFA or GAID): lower-cased, then hashed. */
    MOBILE_AD_ID_SHA256
}
