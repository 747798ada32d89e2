package ai.stratum.sandbox.google;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.platform.PlatformEmulator;
import ai.stratum.sandbox.platform.PlatformState;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Google Ads API v26 over REST, for what Stratum's Google Ads plugin calls: GAQL reports through
 * {@code googleAds:searchStream} ({@link SearchStreamEndpoint}), campaign, budget, ad group and
 * user list mutates ({@link MutateEndpoint}), Customer Match uploads ({@link OfflineUserDataJobs}),
 * and Google's OAuth consent and token endpoints ({@link GoogleOAuthEndpoints}), with Google's
 * error bodies ({@link GoogleErrors}, {@link GoogleFaults}).
 *
 * <p>Accounts are Google Ads customers: the sandbox account id is the ten-digit customer id
 * ({@code 1234567890}). Money is in micros of the account currency, days in its time zone.
 *
 * <p>searchStream answers in batches of up to {@value #ROWS_PER_BATCH} rows, Google's batch
 * size. Batch boundaries are no part of the API's contract (a client reads the whole array), so
 * tests may make them smaller to see a result span several batches.
 */
public final class GoogleEmulator implements PlatformEmulator {

    /** The rows of a searchStream batch, as Google sends them. */
    public static final int ROWS_PER_BATCH = 10_000;

    private final GoogleRoutes routes;
    private final GoogleOAuthEndpoints oauth = new GoogleOAuthEndpoints();
    private final Map<PlatformState, GoogleState> states = Collections.synchronizedMap(new WeakHashMap<>());

    /** An emulator answering searchStream in Google's batches. */
    public GoogleEmulator() {
        this(ROWS_PER_BATCH);
    }

    /** @param rowsPerBatch the rows of a searchStream batch, at least 1 */
    public GoogleEmulator(int rowsPerBatch) {
        if (rowsPerBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one row: " + rowsPerBatch);
        }
        this.routes = new GoogleRoutes(rowsPerBatch);
    }

    @Override
    public Platform platform() {
        return Platform.GOOGLE;
    }

    @Override
    public boolean isOAuth(ApiRequest request) {
        return oauth.serves(request);
    }

    @Override
    public Optional<String> accessToken(ApiRequest request) {
        return request.bearerToken();
    }

    @Override
    public ApiResponse handle(ApiRequest request, PlatformState state) {
        GoogleState google = states.computeIfAbsent(state, ignored -> new GoogleState());
        if (oauth.serves(request)) {
            return oauth.answer(request, state.tokens(), google, state.clock());
        }
        return routes.answer(request, state, google);
    }

    @Override
    public ApiResponse fault(Fault fault, ApiRequest request) {
        return GoogleFaults.answer(fault, request);
    }

    @Override
    public ApiResponse badRequest(String message) {
        return GoogleErrors.invalidPayload(null, message);
    }
}
