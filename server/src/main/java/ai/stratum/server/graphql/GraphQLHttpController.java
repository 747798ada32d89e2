package ai.stratum.server.graphql;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;
import ai.stratum.server.security.Authenticator;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /graphql} as the GraphQL-over-HTTP specification describes it: POST with a JSON body,
 * GET with query parameters (queries only; a mutation over GET is 405), answered as
 * {@code application/graphql-response+json} when the client accepts it (4xx when no execution
 * happened) or as {@code application/json} (200 for every well-formed request). Routes produce
 * any type so that content negotiation, including the 406, is this class's, not the router's.
 */
@Controller("/graphql")
public class GraphQLHttpController {

    static final MediaType GRAPHQL_RESPONSE = MediaType.of("application/graphql-response+json");

    private final GraphQLService graphQL;
    private final Authenticator authenticator;
    private final JsonMapper json;
    private final GraphQLLimits limits;

    public GraphQLHttpController(GraphQLService graphQL, Authenticator authenticator, JsonMapper json,
                                 GraphQLLimits limits) {
        this.graphQL = graphQL;
        this.authenticator = authenticator;
        this.json = json;
        this.limits = limits;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.ALL)
    public Mono<HttpResponse<byte[]>> post(HttpRequest<?> request, @Body @Nullable byte[] body) {
        ResponseFormat format = ResponseFormat.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT));
        if (format == null) {
            return Mono.just(notAcceptable());
        }
        MediaType contentType = request.getContentType().orElse(null);
        if (contentType == null || !"application/json".equals(contentType.getName())) {
            return Mono.just(failure(format, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_USER_INPUT,
                    "POST /graphql needs Content-Type: application/json"));
        }
        if (body != null && body.length > limits.maxBodyBytes()) {
            return Mono.just(failure(format, HttpStatus.REQUEST_ENTITY_TOO_LARGE, ErrorCode.BAD_USER_INPUT,
                    "Request body of " + body.length + " bytes exceeds the limit of " + limits.maxBodyBytes() + " bytes"));
        }
        GraphQLRequest graphQLRequest;
        try {
            graphQLRequest = GraphQLRequest.from(decodeObject(body));
        } catch (ApiException e) {
            return Mono.just(failure(format, HttpStatus.BAD_REQUEST, e.code(), e.getMessage()));
        }
        return execute(request, graphQLRequest, format);
    }

    @Get(produces = MediaType.ALL)
    public Mono<HttpResponse<byte[]>> get(HttpRequest<?> request) {
        ResponseFormat format = ResponseFormat.negotiate(request.getHeaders().get(HttpHeaders.ACCEPT));
        if (format == null) {
            return Mono.just(notAcceptable());
        }
        GraphQLRequest graphQLRequest;
        try {
            var parameters = request.getParameters();
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("query", parameters.get("query"));
            fields.put("operationName", parameters.get("operationName"));
            fields.put("variables", decodeParameter("variables", parameters.get("variables")));
            fields.put("extensions", decodeParameter("extensions", parameters.get("extensions")));
            graphQLRequest = GraphQLRequest.from(fields);
        } catch (ApiException e) {
            return Mono.just(failure(format, HttpStatus.BAD_REQUEST, e.code(), e.getMessage()));
        }
        var kind = GraphQLService.operationKind(graphQLRequest);
        if (kind.isPresent() && kind.get() != OperationDefinition.Operation.QUERY) {
            MutableHttpResponse<byte[]> refused = failure(format, HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.BAD_USER_INPUT,
                    "Only queries may be sent with GET; send " + kind.get().name().toLowerCase() + "s with POST");
            return Mono.just(refused.header(HttpHeaders.ALLOW, "POST"));
        }
        return execute(request, graphQLRequest, format);
    }

    private Mono<HttpResponse<byte[]>> execute(HttpRequest<?> request, GraphQLRequest graphQLRequest, ResponseFormat format) {
        String requestId = RequestIds.of(request);
        String client = request.getRemoteAddress().getAddress().getHostAddress();
        return Mono.defer(() -> authenticator.authenticate(request.getHeaders()))
                .flatMap(caller -> graphQL.execute(graphQLRequest, new RequestContext(caller, requestId, client)))
                .map(result -> respond(format, result))
                .onErrorResume(ApiException.class, e -> Mono.just(
                        failure(format, statusOf(e.code()), e.code(), e.getMessage())))
                .map(response -> (HttpResponse<byte[]>) response.header("X-Request-Id", requestId));
    }

    private MutableHttpResponse<byte[]> respond(ResponseFormat format, ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
        if (!result.getErrors().isEmpty()) {
            body.put("errors", ErrorMapping.specification(result.getErrors()));
        }
        // Without a "data" entry, nothing executed: a request error, which the newer media type reports as 400.
        HttpStatus status = format == ResponseFormat.GRAPHQL_RESPONSE && !result.isDataPresent()
                ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return HttpResponse.<byte[]>status(status).contentType(format.mediaType()).body(encode(body));
    }

    private MutableHttpResponse<byte[]> failure(ResponseFormat format, HttpStatus status, ErrorCode code, String message) {
        Map<String, Object> body = Map.of("errors", List.of(ErrorMapping.specification(ErrorMapping.requestError(code, message))));
        return HttpResponse.<byte[]>status(status).contentType(format.mediaType()).body(encode(body));
    }

    private MutableHttpResponse<byte[]> notAcceptable() {
        Map<String, Object> body = Map.of("errors", List.of(ErrorMapping.specification(ErrorMapping.requestError(ErrorCode.BAD_USER_INPUT,
                "Accept must allow application/graphql-response+json or application/json"))));
        return HttpResponse.<byte[]>status(HttpStatus.NOT_ACCEPTABLE).contentType(MediaType.APPLICATION_JSON_TYPE).body(encode(body));
    }

    private static HttpStatus statusOf(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private Map<String, Object> decodeObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw GraphQLRequest.malformed("The request body is empty; send a JSON object with a 'query'");
        }
        Object decoded;
        try {
            decoded = json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException e) {
            throw GraphQLRequest.malformed("The request body is not valid JSON");
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            throw GraphQLRequest.malformed("The request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) map;
        return fields;
    }

    private Object decodeParameter(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return json.readValue(value, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException e) {
            throw GraphQLRequest.malformed("'" + name + "' is not valid JSON");
        }
    }

    private byte[] encode(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode a GraphQL response", e);
        }
    }
}
