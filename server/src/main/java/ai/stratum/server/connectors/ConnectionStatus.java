package ai.stratum.server.connectors;

/** Whether Stratum can use a connected account. */
public enum ConnectionStatus {
    /** Synced on schedule; actions execute through it. */
    ACTIVE,
    /** The platform refused the credentials (revoked, expired beyond refresh): a person must reconnect. */
    NEEDS_REAUTH,
    /** The stored credentials cannot be opened (the secret key changed, or they were altered): reconnect or restore the key. */
    ERROR,
    /** Paused by a person: not synced on schedule, no actions. */
    PAUSED
}
