package ai.stratum.plugins.tiktok;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds TikTok URLs on the base URLs the host hands over (scheme, host and port only). Every
 * Marketing API path is {@code /open_api/v1.3/<resource>/<verb>/}, with the trailing slash TikTok
 * requires (without it the API answers 404).
 */
final class TikTokUrls {

    private TikTokUrls() {
    }

    /**
     * @param base  the API or token base URL from the context's endpoints
     * @param path  the resource path without slashes around it, for example {@code campaign/get}
     * @param query query parameters in the order to send them; JSON arrays as their JSON text
     * @return the absolute URL
     */
    static URI api(URI base, String path, Map<String, String> query) {
        String url = trimmed(base) + "/open_api/" + TikTokPlatformInfo.API_VERSION + "/" + path + "/";
        return URI.create(query.isEmpty() ? url : url + "?" + encode(query));
    }

    /**
     * @param base  the authorization base URL
     * @param query the authorization parameters
     * @return TikTok For Business's advertiser authorization page, {@code /portal/auth}
     */
    static URI portalAuth(URI base, Map<String, String> query) {
        return URI.create(trimmed(base) + "/portal/auth?" + encode(query));
    }

    private static String trimmed(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String encode(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(component(name) + "=" + component(value)));
        return joined.toString();
    }

    private static String component(String value) {
        // URLEncoder writes form encoding; a query component wants %20 for a space
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
