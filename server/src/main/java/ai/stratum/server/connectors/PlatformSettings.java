package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the operator configured for one platform: base URLs that replace the plugin's defaults (so
 * tests and the sandbox can point a plugin at a local server), and the credentials of the
 * platform client Stratum is registered as, which every call of that platform receives.
 *
 * <p>Each setting is an environment variable named {@code STRATUM_<P>_...} with {@code P} one of
 * {@code META}, {@code GOOGLE_ADS}, {@code TIKTOK}, {@code SNAPCHAT}, mapped in
 * {@code application.yml} to {@code stratum.platforms.<p>.<setting>}.
 *
 * @param platform        the platform
 * @param api             {@code STRATUM_<P>_BASE_URL}
 * @param authorization   {@code STRATUM_<P>_AUTHORIZE_BASE_URL}
 * @param token           {@code STRATUM_<P>_OAUTH_BASE_URL}
 * @param hostCredentials the platform client's values added to every call's credentials
 *                        ({@code client_id}, {@code client_secret}, and Google's
 *                        {@code developer_token} and {@code login_customer_id})
 */
record PlatformSettings(Platform platform, Optional<URI> api, Optional<URI> authorization, Optional<URI> token,
                        Map<String, String> hostCredentials) {

    /** Credential names the host supplies; a connection never stores them. */
    static final String DEVELOPER_TOKEN = "developer_token";
    static final String LOGIN_CUSTOMER_ID = "login_customer_id";
    static final Set<String> HOST_CREDENTIAL_NAMES = Set.of(Credentials.CLIENT_ID, Credentials.CLIENT_SECRET,
            DEVELOPER_TOKEN, LOGIN_CUSTOMER_ID);

    PlatformSettings {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(token, "token");
        hostCredentials = Map.copyOf(hostCredentials);
    }

    /**
     * Reads and checks one platform's settings.
     *
     * @param platform the platform
     * @param property looks up a property such as {@code stratum.platforms.meta.base-url}
     * @throws IllegalArgumentException naming the variable when a base URL is not scheme, host and port only
     */
    static PlatformSettings read(Platform platform, Function<String, Optional<String>> property) {
        String key = propertyPrefix(platform);
        Function<String, Optional<String>> value = name -> property.apply(key + name).map(String::strip).filter(text -> !text.isEmpty());
        Map<String, String> hostCredentials = new LinkedHashMap<>();
        value.apply("client-id").ifPresent(id -> hostCredentials.put(Credentials.CLIENT_ID, id));
        value.apply("client-secret").ifPresent(secret -> hostCredentials.put(Credentials.CLIENT_SECRET, secret));
        if (platform == Platform.GOOGLE) {
            value.apply("developer-token").ifPresent(token -> hostCredentials.put(DEVELOPER_TOKEN, token));
            value.apply("login-customer-id").ifPresent(id -> hostCredentials.put(LOGIN_CUSTOMER_ID, id));
        }
        return new PlatformSettings(platform,
                value.apply("base-url").map(url -> baseUrl(url, variable(platform, "BASE_URL"))),
                value.apply("authorize-base-url").map(url -> baseUrl(url, variable(platform, "AUTHORIZE_BASE_URL"))),
                value.apply("oauth-base-url").map(url -> baseUrl(url, variable(platform, "OAUTH_BASE_URL"))),
                hostCredentials);
    }

    /**
     * @param defaults the plugin descriptor's endpoints
     * @return the defaults with the configured base URLs in their place
     */
    PlatformEndpoints endpoints(PlatformEndpoints defaults) {
        return new PlatformEndpoints(api.orElse(defaults.api()), authorization.orElse(defaults.authorization()),
                token.orElse(defaults.token()));
    }

    /** @return the environment variable's name, for example {@code STRATUM_GOOGLE_ADS_BASE_URL} */
    static String variable(Platform platform, String setting) {
        return "STRATUM_" + variablePrefix(platform) + "_" + setting;
    }

    /** @return {@code META}, {@code GOOGLE_ADS}, {@code TIKTOK} or {@code SNAPCHAT} */
    static String variablePrefix(Platform platform) {
        return platform == Platform.GOOGLE ? "GOOGLE_ADS" : platform.name();
    }

    /** @return the settings' property prefix, for example {@code stratum.platforms.google-ads.} */
    static String propertyPrefix(Platform platform) {
        return "stratum.platforms." + propertyKey(platform) + ".";
    }

    private static String propertyKey(Platform platform) {
        return variablePrefix(platform).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static URI baseUrl(String text, String variable) {
        URI url;
        try {
            url = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw invalid(variable, text);
        }
        boolean http = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
        boolean bare = (url.getRawPath() == null || url.getRawPath().isEmpty()) && url.getRawQuery() == null
                && url.getRawFragment() == null && url.getRawUserInfo() == null;
        if (!http || url.getHost() == null || !bare) {
            throw invalid(variable, text);
        }
        return url;
    }

    private static IllegalArgumentException invalid(String variable, String text) {
        return new IllegalArgumentException(variable + " must be scheme, host and port only, such as https://graph.facebook.com "
                + "or http://127.0.0.1:8090 (the plugin adds the versioned path); it is '" + text + "'");
    }
}
