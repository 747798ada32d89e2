package ai.stratum.server.graphql.ws;

import io.micronaut.websocket.CloseReason;

/** The close codes graphql-transport-ws defines for protocol violations. */
final class CloseCode {

    static final CloseReason UNAUTHORIZED = new CloseReason(4401, "Unauthorized");
    static final CloseReason FORBIDDEN = new CloseReason(4403, "Forbidden");
    static final CloseReason INIT_TIMEOUT = new CloseReason(4408, "Connection initialisation timeout");
    static final CloseReason TOO_MANY_INITS = new CloseReason(4429, "Too many initialisation requests");

    private CloseCode() {
    }

    static CloseReason badRequest(String why) {
        return new CloseReason(4400, truncate(why));
    }

    static CloseReason duplicateSubscriber(String id) {
        return new CloseReason(4409, truncate("Subscriber for " + id + " already exists"));
    }

    /** A close reason must fit a control frame: 123 bytes of text at most. */
    private static String truncate(String reason) {
        return reason.length() <= 120 ? reason : reason.substring(0, 120);
    }
}
