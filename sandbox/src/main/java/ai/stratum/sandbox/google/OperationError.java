package ai.stratum.sandbox.google;

/**
 * Google's refusal of one operation of a request, located inside the operation
 * ({@code update.status}); the request's answer places it at {@code operations[i]}. With partial
 * failure the other operations still apply.
 */
final class OperationError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AdsError error;

    OperationError(AdsError error) {
        super(error.message());
        this.error = error;
    }

    OperationError(String family, String value, String message, String... path) {
        this(AdsError.of(family, value, message).at(path));
    }

    AdsError error() {
        return error;
    }
}
