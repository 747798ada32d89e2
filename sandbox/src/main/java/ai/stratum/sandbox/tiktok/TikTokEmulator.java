package ai.stratum.sandbox.tiktok;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.platform.PlatformEmulator;
import ai.stratum.sandbox.platform.PlatformState;

import java.util.Map;
import java.util.Optional;

/**
 * The TikTok Marketing API (TikTok API for Business) v1.3 over simulated advertisers, for what
 * Stratum's TikTok plugin calls. Every call is {@code /open_api/v1.3/<resource>/<verb>/} (with the
 * trailing slash; without it TikTok answers 404) and carries the token in the {@code Access-Token}
 * header. Answers come in the {@code {code, message, request_id, data}} envelope on HTTP 200,
 * refusals included ({@link TikTokReplies}); lists and reports page by {@code page} and
 * {@code page_size} ({@link Paging}).
 *
 * <p>Routes: {@code advertiser/info} ({@link AdvertiserInfoRoute}), {@code campaign/get}
 * ({@link CampaignListRoute}), {@code report/integrated/get} ({@link ReportRoute}),
 * {@code campaign/update} and {@code campaign/status/update} ({@link CampaignWrites}),
 * {@code adgroup/update}, {@code adgroup/status/update} and {@code ad/status/update}
 * ({@link AdGroupWrites}), the DMP customer-file audiences ({@link CustomerFileUpload},
 * {@link AudienceRoutes}) and the advertiser authorization ({@link TikTokOAuth}).
 *
 * <p>Faults the way TikTok shows them: a rate limit is return code 40100 inside an HTTP 200 (TikTok
 * names no wait, in headers or body); a server error is the 5xx with TikTok's system-error body
 * (code 50000); a malformed answer is a 200 whose JSON is cut off; an expired token is 40102; a
 * revoked or unknown token is 40105, a missing one 40104.
 */
public final class TikTokEmulator implements PlatformEmulator {

    /** The API version every path carries. */
    public static final String API_VERSION = "v1.3";

    private static final String API_PREFIX = "/open_api/" + API_VERSION + "/";

    @FunctionalInterface
    private interface Route {
        ApiResponse answer(ApiRequest request, PlatformState state);
    }

    private final TikTokOAuth oauth = new TikTokOAuth();
    private final Map<String, Route> routes;

    /** A TikTok serving pages of up to TikTok's 1,000 rows, as many as each call asks for. */
    public TikTokEmulator() {
        this(Paging.MAX_PAGE_SIZE);
    }

    private TikTokEmulator(int pageCap) {
        CustomerFiles files = new CustomerFiles();
        AudienceRoutes audiences = new AudienceRoutes(files);
        CustomerFileUpload upload = new CustomerFileUpload(files);
        CampaignListRoute campaigns = new CampaignListRoute(pageCap);
        ReportRoute report = new ReportRoute(pageCap);
        this.routes = Map.ofEntries(
                Map.entry("GET advertiser/info", AdvertiserInfoRoute::handle),
                Map.entry("GET campaign/get", campaigns::handle),
                Map.entry("GET report/integrated/get", report::handle),
                Map.entry("POST campaign/update", CampaignWrites::update),
                Map.entry("POST campaign/status/update", CampaignWrites::updateStatus),
                Map.entry("POST adgroup/update", AdGroupWrites::update),
                Map.entry("POST adgroup/status/update", AdGroupWrites::updateStatus),
                Map.entry("POST ad/status/update", AdGroupWrites::updateAdStatus),
                Map.entry("POST dmp/custom_audience/file/upload", upload::handle),
                Map.entry("POST dmp/custom_audience/create", audiences::create),
                Map.entry("POST dmp/custom_audience/update", audiences::update),
                Map.entry("GET dmp/custom_audience/get", audiences::get));
    }

    /**
     * A TikTok that serves fewer rows a page than asked, so that a small simulated account still
     * spans several pages of campaigns and report rows (TikTok itself serves up to 1,000); every
     * page names the size served in {@code page_info.page_size}.
     *
     * @param rows the most rows a page holds, 1-1,000
     * @return the emulator
     */
    public static TikTokEmulator withPageCap(int rows) {
        if (rows < 1 || rows > Paging.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("a page holds 1 to " + Paging.MAX_PAGE_SIZE + " rows: " + rows);
        }
        return new TikTokEmulator(rows);
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    @Override
    public boolean isOAuth(ApiRequest request) {
        return request.path().equals(TikTokOAuth.AUTHORIZE_PATH) || request.path().equals(TikTokOAuth.TOKEN_PATH);
    }

    @Override
    public Optional<String> accessToken(ApiRequest request) {
        return request.header("Access-Token").filter(token -> !token.isBlank());
    }

    @Override
    public ApiResponse handle(ApiRequest request, PlatformState state) {
        try {
            if (request.path().equals(TikTokOAuth.AUTHORIZE_PATH) && request.method().equals("GET")) {
                return oauth.authorize(request, state);
            }
            if (request.path().equals(TikTokOAuth.TOKEN_PATH) && request.method().equals("POST")) {
                return oauth.accessToken(request, state);
            }
            if (!request.path().startsWith(API_PREFIX) || !request.path().endsWith("/")) {
                return notFound();
            }
            String resource = request.path().substring(API_PREFIX.length(), request.path().length() - 1);
            Route route = routes.get(request.method() + " " + resource);
            if (route == null) {
                boolean otherMethod = routes.containsKey("GET " + resource) || routes.containsKey("POST " + resource);
                return otherMethod
                        ? new ApiResponse(405, Map.of("Content-Type", "text/plain"), "405 method not allowed")
                        : notFound();
            }
            return route.answer(request, state);
        } catch (TikTokError e) {
            return TikTokReplies.error(e.code(), e.getMessage());
        }
    }

    @Override
    public ApiResponse fault(Fault fault, ApiRequest request) {
        if (fault instanceof Fault.RateLimit) {
            return TikTokReplies.error(TikTokError.RATE_LIMITED,
                    "Requests made too frequently, please try again later.");
        }
        if (fault instanceof Fault.ServerError error) {
            return TikTokReplies.error(error.status(), TikTokError.SYSTEM_ERROR, "System error.");
        }
        if (fault instanceof Fault.Malformed) {
            return TikTokReplies.truncated();
        }
        if (fault instanceof Fault.TokenExpired) {
            return TikTokReplies.error(TikTokError.TOKEN_EXPIRED, "The access token has expired.");
        }
        if (fault instanceof Fault.TokenRevoked) {
            return accessToken(request).isPresent()
                    ? TikTokReplies.error(TikTokError.TOKEN_INVALID, "Access token is incorrect or has been revoked.")
                    : TikTokReplies.error(TikTokError.TOKEN_EMPTY, "Access token is null.");
        }
        throw new IllegalArgumentException("the platform server applies " + fault + " itself");
    }

    @Override
    public ApiResponse badRequest(String message) {
        return TikTokReplies.error(TikTokError.PARAMETER, message);
    }

    private static ApiResponse notFound() {
        return new ApiResponse(404, Map.of("Content-Type", "text/plain"), "404 page not found");
    }
}
