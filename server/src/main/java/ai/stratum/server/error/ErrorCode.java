package ai.stratum.server.error;

/**
 * The closed set of {@code extensions.code} values a client can see. Every error a client
 * receives carries exactly one of these.
 */
public enum ErrorCode {
    UNAUTHENTICATED,
    FORBIDDEN,
    BAD_USER_INPUT,
    NOT_FOUND,
    CONFLICT,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL
}
