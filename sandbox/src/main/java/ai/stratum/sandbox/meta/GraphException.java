package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.ApiResponse;

/** A Graph API error answer a handler gives up with; the router sends it as it is. */
final class GraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiResponse response;

    GraphException(ApiResponse response) {
        super(response.body(), null, false, false);
        this.response = response;
    }

    ApiResponse response() {
        return response;
    }
}
