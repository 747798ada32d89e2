package ai.stratum.server.graphql.ws;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.ErrorMapping;
import ai.stratum.server.graphql.GraphQLRequest;
import ai.stratum.server.graphql.GraphQLService;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.security.Authenticator;
import graphql.ExecutionResult;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * GraphQL over WebSocket with the {@code graphql-transport-ws} protocol: {@code connection_init}
 * (credentials in {@code payload.Authorization}, as HTTP headers would carry them), then any
 * number of {@code subscribe} operations by id, each ended by the server's {@code complete} or
 * the client's. Protocol violations close the socket with the protocol's 44xx codes.
 */
@ServerWebSocket(value = "/graphql-ws", subprotocols = "graphql-transport-ws")
public class GraphQLWebSocket {

    private static final Logger LOG = LoggerFactory.getLogger(GraphQLWebSocket.class);
    private static final String STATE = "stratum.graphql-ws.state";

    private final GraphQLService graphQL;
    private final Authenticator authenticator;
    private final JsonMapper json;
    private final Duration initTimeout;

    public GraphQLWebSocket(GraphQLService graphQL, Authenticator authenticator, JsonMapper json,
                            @Value("${stratum.graphql.ws-init-timeout:10s}") Duration initTimeout) {
        this.graphQL = graphQL;
        this.authenticator = authenticator;
        this.json = json;
        this.initTimeout = initTimeout;
    }

    @OnOpen
    public void onOpen(WebSocketSession session, HttpRequest<?> request) {
        ConnectionState state = new ConnectionState(request.getRemoteAddress().getAddress().getHostAddress());
        session.put(STATE, state);
        state.initTimeout = Mono.delay(initTimeout).subscribe(ignored -> {
            if (!state.acknowledged && session.isOpen()) {
                session.close(CloseCode.INIT_TIMEOUT);
            }
        });
    }

    @OnMessage
    public Publisher<?> onMessage(String text, WebSocketSession session) {
        ConnectionState state = session.get(STATE, ConnectionState.class).orElseThrow();
        Map<String, Object> message;
        try {
            Object decoded = json.readValue(text, Argument.OBJECT_ARGUMENT);
            if (!(decoded instanceof Map<?, ?> map) || !(map.get("type") instanceof String)) {
                return close(session, CloseCode.badRequest("Messages must be JSON objects with a string 'type'"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) map;
            message = fields;
        } catch (IOException | RuntimeException e) {
            return close(session, CloseCode.badRequest("Message is not valid JSON"));
        }
        return switch ((String) message.get("type")) {
            case WsMessage.CONNECTION_INIT -> init(session, state, message.get("payload"));
            case WsMessage.PING -> send(session, WsMessage.of(WsMessage.PONG));
            case WsMessage.PONG -> Mono.empty();
            case WsMessage.SUBSCRIBE -> subscribe(session, state, message);
            case WsMessage.COMPLETE -> complete(state, message.get("id"));
            default -> close(session, CloseCode.badRequest("Unknown message type '" + message.get("type") + "'"));
        };
    }

    @OnClose
    public void onClose(WebSocketSession session) {
        session.get(STATE, ConnectionState.class).ifPresent(ConnectionState::disposeAll);
    }

    private Publisher<?> init(WebSocketSession session, ConnectionState state, Object payload) {
        if (!state.initReceived.compareAndSet(false, true)) {
            return close(session, CloseCode.TOO_MANY_INITS);
        }
        Map<?, ?> params = payload instanceof Map<?, ?> map ? map : Map.of();
        return Mono.defer(() -> authenticator.authenticate(header(params, "Authorization"), header(params, "X-API-Key"),
                        header(params, Authenticator.TENANT_HEADER)))
                .flatMap(caller -> {
                    state.caller = caller;
                    state.acknowledged = true;
                    state.initTimeout.dispose();
                    return Mono.<Object>from(send(session, WsMessage.of(WsMessage.CONNECTION_ACK)));
                })
                .onErrorResume(ApiException.class, e -> {
                    LOG.info("event=graphql_ws_refused address={} reason=\"{}\"", state.clientAddress, e.getMessage());
                    return Mono.<Object>from(close(session, CloseCode.FORBIDDEN));
                });
    }

    private Publisher<?> subscribe(WebSocketSession session, ConnectionState state, Map<String, Object> message) {
        if (!state.acknowledged) {
            return close(session, CloseCode.UNAUTHORIZED);
        }
        if (!(message.get("id") instanceof String id) || id.isEmpty()) {
            return close(session, CloseCode.badRequest("'subscribe' needs a non-empty string 'id'"));
        }
        GraphQLRequest request;
        try {
            if (!(message.get("payload") instanceof Map<?, ?> payload)) {
                return close(session, CloseCode.badRequest("'subscribe' needs a 'payload' object"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) payload;
            request = GraphQLRequest.from(fields);
        } catch (ApiException e) {
            return close(session, CloseCode.badRequest(e.getMessage()));
        }
        if (state.operations.containsKey(id)) {
            return close(session, CloseCode.duplicateSubscriber(id));
        }
        RequestContext context = new RequestContext(state.caller, UUID.randomUUID().toString(), state.clientAddress);
        Flux<Map<String, Object>> messages = graphQL.execute(request, context)
                .flatMapMany(result -> results(id, result))
                .onErrorResume(e -> {
                    LOG.error("event=graphql_ws_operation_failed requestId={}", context.requestId(), e);
                    return Flux.just(WsMessage.of(WsMessage.ERROR, id,
                            List.of(ErrorMapping.specification(ErrorMapping.internal(context.requestId(), null, null)))));
                });
        state.operations.put(id, messages
                .concatMap(outgoing -> Mono.from(send(session, outgoing)))
                .doFinally(signal -> state.operations.remove(id))
                .subscribe(ignored -> { }, error -> LOG.debug("event=graphql_ws_send_failed", error)));
        return Mono.empty();
    }

    /** A subscription's events as {@code next}s then {@code complete}; a query's single result likewise; request errors as {@code error}. */
    private Flux<Map<String, Object>> results(String id, ExecutionResult result) {
        if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
            return Flux.just(WsMessage.of(WsMessage.ERROR, id,
                    ErrorMapping.specification(result.getErrors())));
        }
        Flux<ExecutionResult> events = result.getData() instanceof Publisher<?> publisher
                ? Flux.from(publisher).cast(ExecutionResult.class)
                : Flux.just(result);
        return events.map(event -> WsMessage.of(WsMessage.NEXT, id, specification(event)))
                .concatWith(Mono.just(WsMessage.of(WsMessage.COMPLETE, id, null)));
    }

    private static Map<String, Object> specification(ExecutionResult result) {
        Map<String, Object> spec = new java.util.LinkedHashMap<>(result.toSpecification());
        if (!result.getErrors().isEmpty()) {
            spec.put("errors", ErrorMapping.specification(result.getErrors()));
        }
        return spec;
    }

    private Publisher<?> complete(ConnectionState state, Object id) {
        if (id instanceof String operation) {
            var running = state.operations.remove(operation);
            if (running != null) {
                running.dispose();
            }
        }
        return Mono.empty();
    }

    private Publisher<?> send(WebSocketSession session, Map<String, Object> message) {
        try {
            return session.send(json.writeValueAsString(message));
        } catch (IOException e) {
            return Mono.error(e);
        }
    }

    private static Publisher<?> close(WebSocketSession session, io.micronaut.websocket.CloseReason reason) {
        session.close(reason);
        return Mono.empty();
    }

    private static String header(Map<?, ?> params, String name) {
        for (var entry : params.entrySet()) {
            if (entry.getKey() instanceof String key && key.equalsIgnoreCase(name) && entry.getValue() instanceof String value) {
                return value;
            }
        }
        return null;
    }
}
