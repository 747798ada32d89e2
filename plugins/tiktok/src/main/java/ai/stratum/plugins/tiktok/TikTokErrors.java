package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import java.time.Instant;
import java.util.Set;

/**
 * Maps TikTok's return codes to the failures the host reacts to. TikTok answers almost every call
 * with HTTP 200 and puts the outcome in the body's {@code code} (0 is success); the host's
 * transport only retries real HTTP 5xx and 429, so the codes inside a 200 are mapped here. Codes
 * and meanings follow TikTok's "Return codes" table of the Marketing API v1.3:
 * <ul>
 *   <li>40100, 40016 (per-app limits), 40133 (per-advertiser limit): too many requests →
 *       RATE_LIMITED, waiting as {@link TikTokRateLimitWait} says;</li>
 *   <li>40102 "the access token has expired" → TOKEN_EXPIRED;</li>
 *   <li>40104 empty token, 40105 invalid or revoked token, 40106 token not valid for the
 *       advertiser, 40103 expired and 40107 invalid refresh token → NEEDS_REAUTH with TikTok's
 *       own message;</li>
 *   <li>50000 system error, 50002 processing error, 51305 service error, 60001 maintenance and
 *       40202 write conflict ("retry may resolve this issue") → TRANSIENT;</li>
 *   <li>everything else (40001 no permission, 40002 parameter error, 40007 object does not exist,
 *       20001 partial success, ...) → REJECTED with the code.</li>
 * </ul>
 */
final class TikTokErrors {

    private static final Set<Integer> RATE_LIMITED = Set.of(40100, 40016, 40133);
    private static final int TOKEN_EXPIRED = 40102;
    private static final Set<Integer> NEEDS_REAUTH = Set.of(40103, 40104, 40105, 40106, 40107);
    private static final Set<Integer> TRANSIENT = Set.of(50000, 50002, 51305, 60001, 40202);

    private TikTokErrors() {
    }

    /**
     * @param code      the non-zero return code
     * @param message   TikTok's message
     * @param requestId TikTok's request id, quoted in messages for support tickets; may be empty
     * @param now       the current time, for rate-limit waits
     * @return the failure to fail the call's stage with
     */
    static ConnectorException map(int code, String message, String requestId, Instant now) {
        String described = "TikTok code " + code + ": " + message
                + (requestId.isEmpty() ? "" : " (request_id " + requestId + ")");
        if (RATE_LIMITED.contains(code)) {
            return ConnectorException.rateLimited(described, TikTokRateLimitWait.after(message, now));
        }
        if (code == TOKEN_EXPIRED) {
            return ConnectorException.tokenExpired(described);
        }
        if (NEEDS_REAUTH.contains(code)) {
            // shown to the people who must re-authorize: TikTok's own words
            return ConnectorException.needsReauth(message);
        }
        if (TRANSIENT.contains(code)) {
            return ConnectorException.transientFailure(described, null);
        }
        return ConnectorException.rejected(described, String.valueOf(code));
    }
}
