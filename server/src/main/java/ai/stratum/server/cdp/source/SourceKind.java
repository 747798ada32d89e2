package ai.stratum.server.cdp.source;

/** How a source's events arrive. */
public enum SourceKind {
    /** {@code /v1/*} with the source's write key. */
    HTTP,
    /** {@code ingestEvents} without a source: each tenant has one, made on first use. */
    GRAPHQL
}
