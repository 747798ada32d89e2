package ai.stratum.sandbox.google;

import java.util.List;

/**
 * A refusal the emulated API answers with: the HTTP status, the canonical status and message of
 * the {@code google.rpc.Status} envelope, and the {@code GoogleAdsFailure} errors. Thrown anywhere
 * while answering a request; {@link GoogleRoutes} renders it.
 */
final class AdsFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String status;
    private final transient List<AdsError> errors;

    AdsFailure(int httpStatus, String status, String message, List<AdsError> errors) {
        super(message);
        this.httpStatus = httpStatus;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** @return HTTP 400 INVALID_ARGUMENT, as Google answers every request it refuses for its content */
    static AdsFailure invalidArgument(List<AdsError> errors) {
        return new AdsFailure(400, "INVALID_ARGUMENT", "Request contains an invalid argument.", errors);
    }

    static AdsFailure invalidArgument(AdsError error) {
        return invalidArgument(List.of(error));
    }

    /** @return HTTP 403 PERMISSION_DENIED */
    static AdsFailure permissionDenied(AdsError error) {
        return new AdsFailure(403, "PERMISSION_DENIED", "The caller does not have permission", List.of(error));
    }

    int httpStatus() {
        return httpStatus;
    }

    String status() {
        return status;
    }

    List<AdsError> errors() {
        return errors;
    }
}
