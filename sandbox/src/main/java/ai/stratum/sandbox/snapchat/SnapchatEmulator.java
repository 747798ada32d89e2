package ai.stratum.sandbox.snapchat;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.Fault;
import ai.stratum.sandbox.platform.PlatformEmulator;
import ai.stratum.sandbox.platform.PlatformState;

import java.util.Optional;

/**
 * Snapchat's Marketing API v1 and its OAuth, over the sandbox's simulated accounts: the paths, query
 * parameters, envelopes ({@code request_status}, {@code request_id}, {@code <things>[{sub_request_status,
 * <thing>}]}, {@code paging.next_link}), micro-currency amounts, local-midnight day buckets and error
 * bodies Snap uses, for what Stratum's Snapchat plugin calls ({@link MarketingApiRoutes},
 * {@link OAuthEndpoints}). Access tokens come as {@code Authorization: Bearer}. Faults look as Snap
 * shows them ({@link SnapFaults}); a request Snap would refuse is its 400 with the reason in
 * {@code debug_message}.
 *
 * <p>Ad account ids are UUIDs on Snap; the sandbox serves whatever id an account was created with.
 */
public final class SnapchatEmulator implements PlatformEmulator {

    private final SegmentNotes segmentNotes = new SegmentNotes();

    @Override
    public Platform platform() {
        return Platform.SNAPCHAT;
    }

    @Override
    public boolean isOAuth(ApiRequest request) {
        return request.path().startsWith(OAuthEndpoints.PREFIX);
    }

    @Override
    public Optional<String> accessToken(ApiRequest request) {
        return request.bearerToken();
    }

    @Override
    public ApiResponse handle(ApiRequest request, PlatformState state) {
        if (isOAuth(request)) {
            return new OAuthEndpoints(state).handle(request);
        }
        return new MarketingApiRoutes(state, segmentNotes).handle(request);
    }

    @Override
    public ApiResponse fault(Fault fault, ApiRequest request) {
        return SnapFaults.of(fault);
    }

    @Override
    public ApiResponse badRequest(String message) {
        return SnapResponses.invalid(message);
    }
}
