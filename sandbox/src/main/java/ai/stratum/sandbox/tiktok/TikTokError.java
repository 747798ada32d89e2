package ai.stratum.sandbox.tiktok;

/**
 * A refusal the way TikTok's Marketing API words it: HTTP 200 with a non-zero return code and a
 * message, in the {@code {code, message, request_id, data}} envelope ({@link TikTokReplies}).
 * Thrown by the emulator's routes, rendered once by {@link TikTokEmulator}.
 */
final class TikTokError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No permission on the advertiser, or an app id and secret that do not belong together. */
    static final int NO_PERMISSION = 40001;
    /** A missing or invalid parameter, including ids the advertiser does not have. */
    static final int PARAMETER = 40002;
    /** Too many requests. */
    static final int RATE_LIMITED = 40100;
    /** The app id and secret are not a valid combination. */
    static final int INVALID_APP = 40101;
    /** The access token has expired. */
    static final int TOKEN_EXPIRED = 40102;
    /** No access token was sent. */
    static final int TOKEN_EMPTY = 40104;
    /** The access token is incorrect or revoked. */
    static final int TOKEN_INVALID = 40105;
    /** The auth code is invalid, used or expired. */
    static final int AUTH_CODE_INVALID = 40110;
    /** A system error on TikTok's side. */
    static final int SYSTEM_ERROR = 50000;

    private final int code;

    TikTokError(int code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the return code */
    int code() {
        return code;
    }

    /** @return TikTok's parameter error with its message */
    static TikTokError parameter(String message) {
        return new TikTokError(PARAMETER, message);
    }

    /** @return TikTok's answer for an advertiser the token may not operate */
    static TikTokError noPermission(String advertiserId) {
        return new TikTokError(NO_PERMISSION, "No permission to operate advertiser " + advertiserId + ".");
    }
}
