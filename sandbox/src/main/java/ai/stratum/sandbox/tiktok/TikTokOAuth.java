package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.platform.Tokens;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TikTok For Business advertiser authorization for the Marketing API.
 * <ul>
 *   <li>{@code GET /portal/auth?app_id=..&state=..&redirect_uri=..}: TikTok's authorization page,
 *       here approved at once: {@code 302} to the redirect URI with {@code auth_code} and
 *       {@code code} (TikTok sends the same code under both names) and {@code state}. An unknown
 *       app id or a missing redirect URI gets an error page (400).</li>
 *   <li>{@code POST /open_api/v1.3/oauth2/access_token/} {@code {app_id, secret, auth_code}}:
 *       answers {@code {access_token, advertiser_ids, scope}} in the usual envelope. The token is a
 *       long-term one: it never expires (until revoked, or expired by a fault) and comes without a
 *       refresh token, as TikTok's advertiser tokens do; TikTok has no refresh call for them. A
 *       wrong secret gets 40101, an unknown or used code 40110.</li>
 * </ul>
 * TikTok's exchange carries no redirect URI, so the redirect each code was issued for is kept here
 * to redeem it with {@link Tokens#exchange}.
 */
final class TikTokOAuth {

    static final String AUTHORIZE_PATH = "/portal/auth";
    static final String TOKEN_PATH = "/open_api/" + TikTokEmulator.API_VERSION + "/oauth2/access_token/";

    /** The Marketing API permission scopes a granted token lists, as TikTok numbers them. */
    private static final int[] SCOPES = {4, 5, 6, 8, 9, 10};

    private final Map<String, String> redirectOfCode = new ConcurrentHashMap<>();

    ApiResponse authorize(ApiRequest request, PlatformState state) {
        Optional<String> redirect = request.queryParam("redirect_uri").filter(uri -> !uri.isBlank());
        if (!request.queryParam("app_id").filter(Tokens.CLIENT_ID::equals).isPresent()) {
            return page(400, "This app is not available: the app_id is invalid.");
        }
        if (redirect.isEmpty()) {
            return page(400, "The redirect_uri is missing or not registered for this app.");
        }
        String code = state.tokens().issueCode(redirect.get());
        redirectOfCode.put(code, redirect.get());
        StringBuilder location = new StringBuilder(redirect.get()).append(redirect.get().contains("?") ? '&' : '?')
                .append("auth_code=").append(encode(code)).append("&code=").append(encode(code));
        request.queryParam("state").ifPresent(value -> location.append("&state=").append(encode(value)));
        return new ApiResponse(302, Map.of("Location", location.toString()), "");
    }

    ApiResponse accessToken(ApiRequest request, PlatformState state) {
        Params params = Params.ofBody(request.body());
        String appId = params.text("app_id");
        String secret = params.text("secret");
        String code = params.text("auth_code");
        if (!state.tokens().isClient(appId, secret)) {
            throw new TikTokError(TikTokError.INVALID_APP, "The app_id and secret are not a valid combination.");
        }
        String redirect = redirectOfCode.remove(code);
        Tokens.Grant grant = Optional.ofNullable(redirect).flatMap(uri -> state.tokens().exchange(code, uri))
                .orElseThrow(() -> new TikTokError(TikTokError.AUTH_CODE_INVALID, "Auth code is invalid or expired."));
        // advertiser tokens are long-term: no expiry of their own
        state.tokens().allow(grant.accessToken());
        ObjectNode data = Json.object().put("access_token", grant.accessToken());
        ArrayNode advertisers = data.putArray("advertiser_ids");
        state.accounts().stream().map(SimulatedAccount::accountId).sorted().forEach(advertisers::add);
        ArrayNode scope = data.putArray("scope");
        for (int id : SCOPES) {
            scope.add(id);
        }
        return TikTokReplies.ok(data);
    }

    private static ApiResponse page(int status, String message) {
        return new ApiResponse(status, Map.of("Content-Type", "text/html; charset=UTF-8"),
                "<!DOCTYPE html><html><head><title>TikTok For Business</title></head><body><p>" + message
                        + "</p></body></html>");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
