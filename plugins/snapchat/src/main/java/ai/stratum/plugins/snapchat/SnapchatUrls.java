package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.PlatformEndpoints;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds every URL the plugin calls, from the context's endpoints (scheme, host and port only) plus
 * the Marketing API's versioned path ({@code /v1}) or the OAuth paths on the accounts host. No host is
 * written here: a sandbox or test server gets exactly the same paths.
 */
final class SnapchatUrls {

    private static final String VERSION_PATH = "/" + SnapchatPlatformInfo.API_VERSION;

    private final PlatformEndpoints endpoints;

    SnapchatUrls(PlatformEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    URI adAccount(String adAccountId) {
        return api("adaccounts/" + segment(adAccountId), Map.of());
    }

    /** One page of an ad account's campaigns; {@code cursor} is Snap's paging cursor, or null for the first page. */
    URI campaigns(String adAccountId, int limit, String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("limit", Integer.toString(limit));
        if (cursor != null) {
            query.put("cursor", cursor);
        }
        return api("adaccounts/" + segment(adAccountId) + "/campaigns", query);
    }

    /** Where campaigns of an ad account are updated (PUT, full objects). */
    URI campaignUpdates(String adAccountId) {
        return api("adaccounts/" + segment(adAccountId) + "/campaigns", Map.of());
    }

    /** GET of one entity: {@code /v1/campaigns/{id}}, {@code /v1/adsquads/{id}} or {@code /v1/ads/{id}}. */
    URI entity(String pluralName, String id) {
        return api(pluralName + "/" + segment(id), Map.of());
    }

    /** PUT of entities under their parent, for example {@code /v1/campaigns/{campaign_id}/adsquads}. */
    URI entityUpdates(String parentPluralName, String parentId, String pluralName) {
        return api(parentPluralName + "/" + segment(parentId) + "/" + pluralName, Map.of());
    }

    /** Daily stats of one campaign between two local midnights (ISO-8601 with the account's offset). */
    URI campaignDailyStats(String campaignId, String startTime, String endTime) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("granularity", "DAY");
        query.put("fields", String.join(",", CampaignStatsParser.FIELDS));
        query.put("start_time", startTime);
        query.put("end_time", endTime);
        query.put("swipe_up_attribution_window", CampaignStatsParser.SWIPE_UP_ATTRIBUTION_WINDOW);
        query.put("view_attribution_window", CampaignStatsParser.VIEW_ATTRIBUTION_WINDOW);
        query.put("action_report_time", CampaignStatsParser.ACTION_REPORT_TIME);
        return api("campaigns/" + segment(campaignId) + "/stats", query);
    }

    /** The ad account's total spend over a window, whose answer carries Snap's data-completeness times. */
    URI adAccountTotalStats(String adAccountId, String startTime, String endTime) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("granularity", "TOTAL");
        query.put("fields", "spend");
        query.put("start_time", startTime);
        query.put("end_time", endTime);
        return api("adaccounts/" + segment(adAccountId) + "/stats", query);
    }

    URI audienceSegments(String adAccountId) {
        return api("adaccounts/" + segment(adAccountId) + "/segments", Map.of());
    }

    URI audienceSegment(String segmentId) {
        return api("segments/" + segment(segmentId), Map.of());
    }

    /** Where identifiers are added to (POST) or removed from (DELETE) an audience segment. */
    URI audienceSegmentUsers(String segmentId) {
        return api("segments/" + segment(segmentId) + "/users", Map.of());
    }

    /** Snap's OAuth authorization page on the accounts host. */
    URI authorize(String clientId, URI redirectUri, String state) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("response_type", "code");
        query.put("scope", SnapchatOAuthProvider.SCOPE);
        query.put("state", state);
        return build(endpoints.authorization(), "/login/oauth2/authorize", query);
    }

    /** Snap's token endpoint, for code exchange and refresh. */
    URI token() {
        return build(endpoints.token(), "/login/oauth2/access_token", Map.of());
    }

    /** Form-encodes fields as {@code application/x-www-form-urlencoded}. */
    static String form(Map<String, String> fields) {
        StringJoiner joined = new StringJoiner("&");
        fields.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    private URI api(String path, Map<String, String> query) {
        return build(endpoints.api(), VERSION_PATH + "/" + path, query);
    }

    private static URI build(URI base, String path, Map<String, String> query) {
        String root = base.toString();
        if (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root + path + (query.isEmpty() ? "" : "?" + form(query)));
    }

    /** Percent-encodes one path segment, so an id can never add a path or query of its own. */
    private static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
