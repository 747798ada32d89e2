package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;

import java.net.URI;
import java.util.Map;

/** Names the configuration properties of a platform's connection settings, for code that sets them at start. */
public final class PlatformProperties {

    private PlatformProperties() {
    }

    /**
     * @param platform     the platform
     * @param baseUrl      its API, authorization and token base URL (one server, as the sandbox runs it)
     * @param clientId     the OAuth client id to use with it
     * @param clientSecret that client's secret
     * @return the properties that point the platform's connections there
     */
    public static Map<String, Object> pointingAt(Platform platform, URI baseUrl, String clientId, String clientSecret) {
        String prefix = PlatformSettings.propertyPrefix(platform);
        return Map.of(prefix + "base-url", baseUrl.toString(),
                prefix + "authorize-base-url", baseUrl.toString(),
                prefix + "oauth-base-url", baseUrl.toString(),
                prefix + "client-id", clientId,
                prefix + "client-secret", clientSecret);
    }

    /** @return the environment variable of the platform's API base URL, for example {@code STRATUM_META_BASE_URL} */
    public static String baseUrlVariable(Platform platform) {
        return PlatformSettings.variable(platform, "BASE_URL");
    }
}
