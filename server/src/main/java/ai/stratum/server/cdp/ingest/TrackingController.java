package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.CdpSettings;
import ai.stratum.server.cdp.source.SourceRef;
import ai.stratum.server.cdp.source.SourceService;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;
import ai.stratum.server.graphql.RequestIds;
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
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.cors.CrossOrigin;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tracking API of the Segment HTTP spec, so analytics SDKs (Segment's, RudderStack's) post to
 * Stratum unchanged: {@code POST /v1/batch} and {@code /v1/track}, {@code /identify}, {@code /page},
 * {@code /screen}, {@code /alias}, {@code /group}, plus the one-letter paths Analytics.js uses
 * ({@code /v1/b}, {@code /v1/t}…). The write key is the HTTP Basic user name (password empty) or,
 * as Analytics.js sends it, the body's {@code writeKey}. Any content type is read as JSON, because
 * browsers send {@code text/plain} to avoid a CORS preflight. These routes, and only these, allow
 * cross-origin requests from any origin, without credentials, since write keys are public in web
 * pages anyway; Micronaut answers the preflights.
 *
 * <p>Answers as Segment does: 200 with {@code {"success": true}} once the events are stored, also
 * when some events were refused ({@code success} false, {@code errors} per event); 400 for a body
 * that is not JSON or not the right shape; 413 for a body over the size limit; 401 for a missing,
 * unknown or revoked write key; 503 when the events could not be stored, which SDKs retry (a resent
 * event is stored once). The event loop never waits: storage is reactive.
 */
@Controller("/v1")
@CrossOrigin(allowedOriginsRegex = ".*", allowedMethods = io.micronaut.http.HttpMethod.POST, allowCredentials = false, maxAge = 86400)
public class TrackingController {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingController.class);

    private final IngestService ingest;
    private final SourceService sources;
    private final CdpSettings settings;
    private final JsonMapper json;

    public TrackingController(IngestService ingest, SourceService sources, CdpSettings settings, JsonMapper json) {
        this.ingest = ingest;
        this.sources = sources;
        this.settings = settings;
        this.json = json;
    }

    @Post(uri = "/{call}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public Mono<HttpResponse<byte[]>> post(@PathVariable String call, HttpRequest<?> request, @Body @Nullable byte[] body) {
        String requestId = RequestIds.of(request);
        boolean batch = call.equals("batch") || call.equals("b");
        Optional<EventType> type = batch ? Optional.empty() : EventType.fromPath(call);
        if (!batch && type.isEmpty()) {
            return Mono.just(failure(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "No tracking call /v1/" + call
                    + "; use batch, track, identify, page, screen, alias or group", requestId));
        }
        int limit = batch ? settings.maxBatchBytes() : settings.maxEventBytes();
        int size = body == null ? 0 : body.length;
        if (size > limit) {
            return Mono.just(failure(HttpStatus.REQUEST_ENTITY_TOO_LARGE, ErrorCode.BAD_USER_INPUT, "The body is " + size
                    + " bytes; the limit is " + limit + " bytes per " + (batch ? "batch (STRATUM_CDP_MAX_BATCH_BYTES)"
                    : "event (STRATUM_CDP_MAX_EVENT_BYTES)"), requestId));
        }
        Map<String, Object> document;
        try {
            document = decode(body);
        } catch (ApiException e) {
            return Mono.just(failure(HttpStatus.BAD_REQUEST, e, requestId));
        }
        return Mono.defer(() -> authenticate(request, document))
                .flatMap(source -> batch ? ingestBatch(source, document, body)
                        : ingest.ingest(source, List.of(document), type, BatchDefaults.NONE, Optional.of(new int[] {size})))
                .map(result -> answer(result, requestId))
                .onErrorResume(ApiException.class, e -> Mono.just(failure(statusOf(e.code()), e, requestId)))
                .onErrorResume(e -> !(e instanceof ApiException), e -> {
                    // nothing was acknowledged: the client keeps the events and retries, and resent events are stored once
                    LOG.error("event=cdp_ingest_failed requestId={}", requestId, e);
                    return Mono.just(failure(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
                            "The events could not be stored; retry later (request id " + requestId + ")", requestId));
                });
    }

    private Mono<IngestResult> ingestBatch(SourceRef source, Map<String, Object> document, byte[] body) {
        if (!(document.get("batch") instanceof List<?> items)) {
            return Mono.error(ApiException.badInput("batch", "A batch body is a JSON object with the events in 'batch': {\"batch\": [...]}"));
        }
        return ingest.ingest(source, items, Optional.empty(), defaults(document), BatchItemSizes.of(body));
    }

    /** The batch's own sentAt, context and integrations, which apply to every event in it. */
    private static BatchDefaults defaults(Map<String, Object> document) {
        Optional<Instant> sentAt = Optional.empty();
        if (document.get("sentAt") instanceof String text) {
            try {
                sentAt = Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
            } catch (DateTimeParseException e) {
                throw ApiException.badInput("sentAt", "sentAt must be an ISO-8601 date-time such as 2026-11-25T08:00:00.000Z");
            }
        }
        return new BatchDefaults(sentAt, object(document, "context"), object(document, "integrations"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> document, String field) {
        Object value = document.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw ApiException.badInput(field, field + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private Mono<SourceRef> authenticate(HttpRequest<?> request, Map<String, Object> document) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return sources.authenticate(basicUser(authorization));
        }
        if (document.get("writeKey") instanceof String key && !key.isBlank()) {
            return sources.authenticate(key);
        }
        return Mono.error(ApiException.unauthenticated(
                "A write key is required: send it as the HTTP Basic user name with an empty password, or as 'writeKey' in the body"));
    }

    /** The user name of {@code Basic base64(user:password)}; a key encoded without its colon is read too, as Segment does. */
    private static String basicUser(String authorization) {
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            throw ApiException.unauthenticated("Authorization must be 'Basic <base64 of writeKey:>'");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(parts[1].strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.unauthenticated("Authorization must be 'Basic <base64 of writeKey:>'");
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
    }

    private Map<String, Object> decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badInput(null, "The body is empty; send the event as a JSON object");
        }
        Object decoded;
        try {
            decoded = json.readValue(body, Argument.OBJECT_ARGUMENT);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badInput(null, "The body is not valid JSON");
        }
        if (!(decoded instanceof Map<?, ?> map)) {
            throw ApiException.badInput(null, "The body must be a JSON object");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        map.forEach((key, value) -> document.put(String.valueOf(key), value));
        return document;
    }

    private HttpResponse<byte[]> answer(IngestResult result, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", result.success());
        body.put("accepted", result.accepted());
        body.put("duplicates", result.duplicates());
        body.put("suppressed", result.suppressed());
        body.put("rejected", result.rejected());
        if (!result.errors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (EventError error : result.errors()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("index", error.index());
                error.messageId().ifPresent(id -> entry.put("messageId", id));
                error.field().ifPresent(field -> entry.put("field", field));
                entry.put("message", error.message());
                errors.add(entry);
            }
            body.put("errors", errors);
        }
        return respond(HttpResponse.status(HttpStatus.OK), body, requestId);
    }

    private HttpResponse<byte[]> failure(HttpStatus status, ApiException e, String requestId) {
        return failure(status, e.code(), e.field(), e.getMessage(), requestId);
    }

    private HttpResponse<byte[]> failure(HttpStatus status, ErrorCode code, String message, String requestId) {
        return failure(status, code, Optional.empty(), message, requestId);
    }

    /** {@code {"success": false, "code": …, "field": …, "message": …}}: the codes are those of the GraphQL API. */
    private HttpResponse<byte[]> failure(HttpStatus status, ErrorCode code, Optional<String> field, String message, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("code", code.name());
        field.ifPresent(name -> body.put("field", name));
        body.put("message", message);
        return respond(HttpResponse.status(status), body, requestId);
    }

    private HttpResponse<byte[]> respond(MutableHttpResponse<byte[]> response, Map<String, Object> body, String requestId) {
        try {
            return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("X-Request-Id", requestId)
                    .body(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode a tracking response", e);
        }
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
}
