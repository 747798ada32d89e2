package ai.stratum.plugin.api;

import java.net.URI;
import java.util.Objects;

/**
 * Where a platform is reached: scheme, host and port only. Your connector appends the versioned
 * paths. The host takes the defaults from your {@link ConnectorDescriptor} and lets operators
 * override each one (for example {@code STRATUM_META_BASE_URL}), so tests and the sandbox can
 * point your connector at local servers; always build URLs from the endpoints in the
 * {@link ConnectorContext}, never from constants.
 *
 * @param api           the API, for example {@code https://graph.facebook.com}
 * @param authorization where users grant access in OAuth, for example {@code https://www.facebook.com}
 * @param token         where OAuth codes and refresh tokens are exchanged
 */
public record PlatformEndpoints(URI api, URI authorization, URI token) {

    /**
     * Creates endpoints.
     *
     * @param api the API, for example {@code https://graph.facebook.com}
     * @param authorization where users grant access in OAuth, for example {@code https://www.facebook.com}
     * @param token where OAuth codes and refresh tokens are exchanged
     * @throws IllegalArgumentException when one is not an absolute http(s) URL without path, query or fragment
     */
    public PlatformEndpoints {
        requireBaseUrl(api, "api");
        requireBaseUrl(authorization, "authorization");
        requireBaseUrl(token, "token");
    }

    /**
     * Endpoints from URL strings.
     *
     * @param api           the API base URL
     * @param authorization the OAuth authorization base URL
     * @param token         the OAuth token base URL
     * @return the endpoints
     */
    public static PlatformEndpoints of(String api, String authorization, String token) {
        return new PlatformEndpoints(URI.create(api), URI.create(authorization), URI.create(token));
    }

    private static void requireBaseUrl(URI url, String name) {
        Objects.requireNonNull(url, name);
        boolean http = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
        boolean bare = (url.getRawPath() == null || url.getRawPath().isEmpty() || "/".equals(url.getRawPath()))
                && url.getRawQuery() == null && url.getRawFragment() == null;
        if (!http || url.getHost() == null || !bare) {
            throw new IllegalArgumentException(
                    name + " endpoint must be scheme, host and port only, such as https://host:443: " + url);
        }
    }
}
