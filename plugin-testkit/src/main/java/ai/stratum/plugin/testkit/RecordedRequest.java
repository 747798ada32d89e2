package ai.stratum.plugin.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request a {@link WireServer} received, for assertions on what a plugin sent.
 *
 * @param method  the HTTP method
 * @param path    the decoded path, for example {@code /v25.0/act_1/insights}
 * @param query   the decoded query parameters, first value of each
 * @param headers the headers, names in lower case
 * @param body    the body, UTF-8
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
                              Map<String, List<String>> headers, String body) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** @return a header's first value, the name matched without regard to case */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the form fields of an {@code application/x-www-form-urlencoded} body */
    public Map<String, String> formFields() {
        return decodePairs(body);
    }

    static Map<String, String> decodePairs(String encoded) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return pairs;
    }
}
