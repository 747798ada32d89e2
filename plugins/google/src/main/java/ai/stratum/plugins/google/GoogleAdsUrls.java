package ai.stratum.plugins.google;

import ai.stratum.plugin.api.PlatformEndpoints;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds every URL this connector calls from the context's {@link PlatformEndpoints}: the base URL
 * (scheme, host and port) plus the versioned path of {@link GooglePlatformInfo#API_VERSION}.
 */
final class GoogleAdsUrls {

    private final PlatformEndpoints endpoints;

    GoogleAdsUrls(PlatformEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** @return {@code /v26/customers/{id}/googleAds:searchStream} on the API host */
    URI searchStream(CustomerId customer) {
        return api("/" + customer.resourceName() + "/googleAds:searchStream");
    }

    /**
     * @param customer the account
     * @param resource the collection, for example {@code campaigns} or {@code campaignBudgets}
     * @return {@code /v26/customers/{id}/{resource}:mutate} on the API host
     */
    URI mutate(CustomerId customer, String resource) {
        return api("/" + customer.resourceName() + "/" + resource + ":mutate");
    }

    /**
     * @param customer the account
     * @param collection the collection, for example {@code offlineUserDataJobs}
     * @param method     the custom method, for example {@code create}
     * @return {@code /v26/customers/{id}/{collection}:{method}} on the API host
     */
    URI collectionMethod(CustomerId customer, String collection, String method) {
        return api("/" + customer.resourceName() + "/" + collection + ":" + method);
    }

    /**
     * @param resourceName a resource name Google returned, for example
     *                     {@code customers/1/offlineUserDataJobs/2}
     * @param method       the custom method, for example {@code addOperations}
     * @return {@code /v26/{resourceName}:{method}} on the API host
     */
    URI resourceMethod(String resourceName, String method) {
        return api("/" + resourceName + ":" + method);
    }

    /** @return Google's OAuth consent page, {@code /o/oauth2/v2/auth} on the authorization host, with the query */
    URI authorization(Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base(endpoints.authorization()) + "/o/oauth2/v2/auth?" + encoded);
    }

    /** @return Google's token endpoint, {@code /token} on the token host */
    URI token() {
        return URI.create(base(endpoints.token()) + "/token");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI api(String path) {
        return URI.create(base(endpoints.api()) + "/" + GooglePlatformInfo.API_VERSION + path);
    }

    private static String base(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
