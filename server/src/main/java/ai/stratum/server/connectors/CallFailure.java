package ai.stratum.server.connectors;

/** Why a plugin call did not give a result, as far as the host's reaction goes. */
public enum CallFailure {
    /** No started plugin provides the extension the call needs. */
    NO_PLUGIN,
    /** The connection's stored credentials cannot be opened; it is marked ERROR. */
    CREDENTIALS_UNREADABLE,
    /** The platform refused the credentials; the connection is marked NEEDS_REAUTH. */
    NEEDS_REAUTH,
    /** The platform still called the token expired after a refresh. */
    TOKEN_EXPIRED,
    /** Rate limited for longer, or more often, than the host waits. */
    RATE_LIMITED,
    /** Timeouts, connection failures or 5xx answers outlasted the transport's retries. */
    TRANSIENT,
    /** The platform's answer could not be read. */
    MALFORMED_RESPONSE,
    /** The platform refused the request itself. */
    REJECTED,
    /** The plugin did not answer within the call timeout. */
    TIMEOUT,
    /** The plugin threw something other than a {@code ConnectorException}, or broke the API's contract. */
    PLUGIN_ERROR
}
