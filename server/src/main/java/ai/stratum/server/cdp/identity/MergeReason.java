package ai.stratum.server.cdp.identity;

/** Why two profiles became one. */
public enum MergeReason {
    /** One event carried identifiers of both. */
    SHARED_IDENTIFIER,
    /** An alias call named the one as the other's previous id. */
    ALIAS
}
