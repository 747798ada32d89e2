package ai.stratum.server.error;

import java.util.Optional;

/**
 * A failure meant for the client: its message is shown as is, so it must be specific and must
 * never carry secrets, SQL or stack traces. Mapped once, at the GraphQL edge, to
 * {@code extensions.code} (and {@code extensions.field} when an input field is at fault).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, as a dotted path such as {@code input.email}. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    public static ApiException badInput(String field, String message) {
        return new ApiException(ErrorCode.BAD_USER_INPUT, message, field);
    }

    public static ApiException unauthenticated(String message) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(ErrorCode.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException rateLimited(String message) {
        return new ApiException(ErrorCode.RATE_LIMITED, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(ErrorCode.UNAVAILABLE, message);
    }
}
