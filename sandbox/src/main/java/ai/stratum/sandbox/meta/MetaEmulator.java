package ai.stratum.sandbox.meta;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.platform.PlatformEmulator;
import ai.stratum.sandbox.platform.PlatformState;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Meta's Graph / Marketing API, version {@value #API_VERSION}, over the simulated accounts: ad
 * accounts, campaigns and their ad sets, insights with Meta's action types, datasets and their event
 * match quality, object updates, customer-list audiences and Facebook Login ({@link GraphRouter},
 * {@link LoginEndpoints}). Access tokens come as an {@code Authorization: Bearer} header or an
 * {@code access_token} parameter, as Graph takes them. Errors are Meta's ({@link GraphErrors}).
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.builder().platform(new MetaEmulator()).build();
 * sandbox.addAccount(Platform.META, new AccountSpec("act_1001", "Shop", "USD", zone, 40, 60, 7L));
 * }</pre>
 */
public final class MetaEmulator implements PlatformEmulator {

    /** The Marketing API version the emulator speaks. */
    public static final String API_VERSION = "v25.0";

    private static final Pattern ACCOUNT_IN_PATH = Pattern.compile("^/(?:v[0-9.]+/)?act_([0-9]+)");
    private static final Pattern NODE_IN_PATH = Pattern.compile("^/(?:v[0-9.]+/)?([0-9]+)");

    private final LoginEndpoints login = new LoginEndpoints();
    private final GraphRouter router = new GraphRouter(new AdSetStatuses());
    /**
     * The clock of the platform last served, for the times in Meta's expired-session message: a fault
     * is answered without the platform's state, so the emulator keeps the clock of the last request it
     * handled (the system clock before the first).
     */
    private volatile Clock clock = Clock.systemUTC();

    @Override
    public Platform platform() {
        return Platform.META;
    }

    @Override
    public boolean isOAuth(ApiRequest request) {
        try {
            return LoginEndpoints.isLogin(GraphRequest.path(request));
        } catch (GraphException e) {
            return false;
        }
    }

    @Override
    public Optional<String> accessToken(ApiRequest request) {
        return request.bearerToken().filter(token -> !token.isEmpty())
                .or(() -> request.queryParam("access_token"))
                .or(() -> Optional.ofNullable(request.form().get("access_token")))
                .filter(token -> !token.isBlank());
    }

    @Override
    public ApiResponse handle(ApiRequest request, PlatformState state) {
        clock = state.clock();
        try {
            GraphRequest graph = GraphRequest.of(request);
            if (LoginEndpoints.isLogin(graph.path())) {
                return login.handle(graph, state);
            }
            return router.route(graph, state);
        } catch (GraphException e) {
            return e.response();
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    @Override
    public ApiResponse fault(Fault fault, ApiRequest request) {
        if (fault instanceof Fault.RateLimit rateLimit) {
            return GraphErrors.rateLimited(rateLimit.retryAfter(), usageId(request), useCase(request));
        }
        if (fault instanceof Fault.ServerError error) {
            return GraphErrors.serverError(error.status());
        }
        if (fault instanceof Fault.Malformed) {
            return GraphErrors.truncated();
        }
        if (fault instanceof Fault.TokenExpired) {
            return GraphErrors.tokenExpired(clock);
        }
        return accessToken(request).isEmpty() ? GraphErrors.tokenMissing() : GraphErrors.tokenInvalidated();
    }

    @Override
    public ApiResponse badRequest(String message) {
        return GraphErrors.invalidParameter(message).response();
    }

    /** @return the id Meta counts the usage on: the ad account the path names, else the object */
    private static String usageId(ApiRequest request) {
        for (Pattern pattern : List.of(ACCOUNT_IN_PATH, NODE_IN_PATH)) {
            Matcher matcher = pattern.matcher(request.path());
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return "0";
    }

    private static String useCase(ApiRequest request) {
        if (request.path().endsWith("/insights")) {
            return "ads_insights";
        }
        return request.path().contains("customaudiences") || request.path().endsWith("/users")
                ? "custom_audience" : "ads_management";
    }
}
