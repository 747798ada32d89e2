package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request as the Graph API reads it: the path after the version ({@code /v25.0/act_1/insights}
 * is {@code [act_1, insights]}; an unversioned path is read as the current version, as Graph reads
 * it for an app on that version), and its parameters from the query string and, for writes, the
 * form or JSON body alike.
 */
final class GraphRequest {

    private static final Pattern VERSION = Pattern.compile("v[0-9]+\\.[0-9]+");

    private final ApiRequest request;
    private final List<String> path;
    private final Map<String, String> params;

    private GraphRequest(ApiRequest request, List<String> path, Map<String, String> params) {
        this.request = request;
        this.path = path;
        this.params = params;
    }

    /**
     * @throws GraphException for a version other than the one simulated
     */
    static GraphRequest of(ApiRequest request) {
        return new GraphRequest(request, path(request), params(request));
    }

    /** @return the path's segments after the version; empty for the root */
    static List<String> path(ApiRequest request) {
        List<String> segments = request.segments();
        if (!segments.isEmpty() && VERSION.matcher(segments.get(0)).matches()) {
            if (!segments.get(0).equals(MetaEmulator.API_VERSION)) {
                throw GraphErrors.deprecatedVersion(segments.get(0));
            }
            segments = segments.subList(1, segments.size());
        }
        return segments.size() == 1 && segments.get(0).isEmpty() ? List.of() : segments;
    }

    ApiRequest raw() {
        return request;
    }

    String method() {
        return request.method().toUpperCase(Locale.ROOT);
    }

    List<String> path() {
        return path;
    }

    /** @return every parameter, query and body together */
    Map<String, String> params() {
        return params;
    }

    Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** @return the parameter, or Meta's error for a missing required one */
    String required(String name) {
        return param(name).filter(value -> !value.isBlank()).orElseThrow(() -> GraphErrors.missingParameter(name));
    }

    /** @return the selected fields, or the node's default ones */
    Fields fields(String defaults) {
        return Fields.of(param("fields"), defaults);
    }

    /** @return {@code http://host:port}, as the client reached this server */
    String origin() {
        return "http://" + request.header("Host").orElse("localhost");
    }

    private static Map<String, String> params(ApiRequest request) {
        Map<String, String> params = new LinkedHashMap<>(request.query());
        String body = request.body() == null ? "" : request.body().strip();
        if (!body.isEmpty()) {
            String type = request.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (type.startsWith("application/json") || body.startsWith("{")) {
                JsonNode json = Json.read(body);
                json.fields().forEachRemaining(field -> params.put(field.getKey(),
                        field.getValue().isTextual() ? field.getValue().asText() : Json.write(field.getValue())));
            } else {
                params.putAll(request.form());
            }
        }
        return Collections.unmodifiableMap(params);
    }
}
