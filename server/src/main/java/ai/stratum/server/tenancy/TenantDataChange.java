package ai.stratum.server.tenancy;

/** What new data a tenant has. */
public enum TenantDataChange {
    /** A connector sync wrote campaigns and their daily performance. */
    PERFORMANCE_SYNCED,
    /** Signal snapshots were ingested ({@code ingestSignals}). */
    SIGNALS_INGESTED
}
