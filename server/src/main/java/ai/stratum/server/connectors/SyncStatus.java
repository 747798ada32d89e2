package ai.stratum.server.connectors;

/** Where a sync run is. */
public enum SyncStatus {
    RUNNING,
    /** Everything was read and written in one transaction. */
    SUCCEEDED,
    /** Nothing was written; the run's error says why. */
    FAILED
}
