package ai.stratum.server.graphql.ws;

import java.util.LinkedHashMap;
import java.util.Map;

/** Messages of the graphql-transport-ws protocol, as sent by the server. */
final class WsMessage {

    static final String CONNECTION_INIT = "connection_init";
    static final String CONNECTION_ACK = "connection_ack";
    static final String PING = "ping";
    static final String PONG = "pong";
    static final String SUBSCRIBE = "subscribe";
    static final String NEXT = "next";
    static final String ERROR = "error";
    static final String COMPLETE = "complete";

    private WsMessage() {
    }

    static Map<String, Object> of(String type) {
        return Map.of("type", type);
    }

    static Map<String, Object> of(String type, String id, Object payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        if (id != null) {
            message.put("id", id);
        }
        if (payload != null) {
            message.put("payload", payload);
        }
        return message;
    }
}
