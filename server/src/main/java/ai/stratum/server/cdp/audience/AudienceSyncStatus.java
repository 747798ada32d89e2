package ai.stratum.server.cdp.audience;

/** Where an audience sync run is. */
public enum AudienceSyncStatus {
    RUNNING,
    SUCCEEDED,
    FAILED
}
