package ai.stratum.sandbox.platform;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;

import java.util.Optional;

/**
 * Speaks one ad platform's API over the simulated accounts of a {@link PlatformState}: the same
 * paths, parameters, envelopes, money units, paging and error bodies as the real platform, for the
 * subset Stratum's plugins use. The {@link PlatformServer} around it checks tokens and injects
 * faults; the emulator says how the platform words each.
 */
public interface PlatformEmulator {

    /** @return the platform spoken */
    Platform platform();

    /** @return whether the request goes to the platform's OAuth endpoints (no access token, no faults) */
    boolean isOAuth(ApiRequest request);

    /** @return the access token the request presents, the platform's way */
    Optional<String> accessToken(ApiRequest request);

    /**
     * Answers an authenticated API request, or an OAuth request.
     *
     * @param request the request
     * @param state   the platform's accounts and tokens
     * @return the platform's answer
     */
    ApiResponse handle(ApiRequest request, PlatformState state);

    /**
     * @param fault   the fault to show (for tokens: the token was found expired or revoked)
     * @param request the request it answers
     * @return the platform's answer for it: its rate-limit error, a 5xx, a malformed body, its
     *         expired- or invalid-token error
     */
    ApiResponse fault(Fault fault, ApiRequest request);

    /** @return the platform's answer to a request it refuses as invalid, with the reason */
    ApiResponse badRequest(String message);
}
