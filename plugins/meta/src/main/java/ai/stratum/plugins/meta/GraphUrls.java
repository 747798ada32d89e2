package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.PlatformEndpoints;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds every URL of the plugin from the context's endpoints (scheme, host and port) plus
 * {@code /}{@link MetaPlatformInfo#API_VERSION}{@code /path}, so operators and tests can point the
 * plugin anywhere. Also encodes form bodies, which Graph API writes take.
 */
final class GraphUrls {

    private final PlatformEndpoints endpoints;

    private GraphUrls(PlatformEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    static GraphUrls of(ConnectorContext context) {
        return new GraphUrls(context.endpoints());
    }

    /** @return {@code {api}/v25.0/{path}?{query}} */
    URI api(String path, Map<String, String> query) {
        return versioned(endpoints.api(), path, query);
    }

    /** @return {@code {authorization}/v25.0/{path}?{query}} */
    URI authorization(String path, Map<String, String> query) {
        return versioned(endpoints.authorization(), path, query);
    }

    /** @return {@code {token}/v25.0/{path}?{query}} */
    URI token(String path, Map<String, String> query) {
        return versioned(endpoints.token(), path, query);
    }

    /**
     * @param fields names and values, in the order to send them
     * @return {@code application/x-www-form-urlencoded} text, also valid as a query string
     */
    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static URI versioned(URI base, String path, Map<String, String> query) {
        String url = base.getScheme() + "://" + base.getRawAuthority() + "/" + MetaPlatformInfo.API_VERSION + "/" + path;
        return URI.create(query.isEmpty() ? url : url + "?" + formEncode(query));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
