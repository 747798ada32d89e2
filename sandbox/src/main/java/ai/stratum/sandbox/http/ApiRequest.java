package ai.stratum.sandbox.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request to a simulated platform.
 *
 * @param method  the HTTP method
 * @param path    the decoded path
 * @param query   decoded query parameters, the first value of each
 * @param headers headers by lower-case name
 * @param body    the body, UTF-8
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                         String body) {

    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** @return a header's first value, by any case of its name */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return a query parameter */
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** @return the token of an {@code Authorization: Bearer …} header */
    public Optional<String> bearerToken() {
        return header("Authorization").filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
    }

    /** @return the fields of a form-encoded body */
    public Map<String, String> form() {
        return decode(body);
    }

    /** @return the path's segments, for example {@code [v25.0, act_1, insights]} */
    public List<String> segments() {
        return List.of(path.replaceAll("^/+|/+$", "").split("/"));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            pairs.putIfAbsent(name, value);
        }
        return pairs;
    }
}
