package ai.stratum.sandbox.google;

/** A query Google refuses, with its {@code queryError} value and message. */
final class GaqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;

    /**
     * @param error   the QueryError enum value, for example {@code UNRECOGNIZED_FIELD}
     * @param message Google's message
     */
    GaqlException(String error, String message) {
        super(message);
        this.error = error;
    }

    AdsError toAdsError() {
        return AdsError.of("queryError", error, getMessage());
    }

    String error() {
        return error;
    }
}
