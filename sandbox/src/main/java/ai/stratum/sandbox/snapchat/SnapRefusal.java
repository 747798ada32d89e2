package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiResponse;

/**
 * Thrown by a handler for a request Snap refuses as a whole; the router answers with the refusal's
 * response. Refusals of single entities in a batch are not thrown but written into the batch answer.
 */
final class SnapRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    private SnapRefusal(ApiResponse response, String message) {
        super(message, null, false, false);
        this.response = response;
    }

    /** @return Snap's 404 for an id it does not know (or the token may not see) */
    static SnapRefusal notFound() {
        return new SnapRefusal(SnapResponses.notFound(), "not found");
    }

    /** @return Snap's 400 for a request it will not run, saying why */
    static SnapRefusal invalid(String debugMessage) {
        return new SnapRefusal(SnapResponses.invalid(debugMessage), debugMessage);
    }

    ApiResponse response() {
        return response;
    }
}
