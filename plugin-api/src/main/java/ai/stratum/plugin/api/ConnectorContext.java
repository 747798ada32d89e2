package ai.stratum.plugin.api;

import java.time.Clock;
import java.util.Objects;

/**
 * Everything the host lends your connector for one call. It is built per call and per
 * connection: the credentials are that connection's only, and the transport is bound to that
 * account's rate limits. Do not keep a context beyond the call.
 *
 * @param credentials the decrypted secrets of the connection (and, for OAuth calls, of the
 *                    platform client)
 * @param endpoints   where to reach the platform; may point at a sandbox or a test server
 * @param http        the HTTP client for every platform request
 * @param clock       the time to use; tests move it, so never read the system clock
 * @param telemetry   where to log and count
 */
public record ConnectorContext(
        Credentials credentials,
        PlatformEndpoints endpoints,
        HttpTransport http,
        Clock clock,
        Telemetry telemetry) {

    /**
     * Creates a context.
     *
     * @param credentials the decrypted secrets of the connection (and, for OAuth calls, of the platform client)
     * @param endpoints where to reach the platform; may point at a sandbox or a test server
     * @param http the HTTP client for every platform request
     * @param clock the time to use; tests move it, so never read the system clock
     * @param telemetry where to log and count
     */
    public ConnectorContext {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(telemetry, "telemetry");
    }
}
