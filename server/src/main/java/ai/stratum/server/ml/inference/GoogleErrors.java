package ai.stratum.server.ml.inference;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;

/** Reads the error a Google API answers ({@code {"error": {"code", "message", "status"}}} or OAuth's {@code error}). */
final class GoogleErrors {

    private static final int MAX_MESSAGE = 300;

    private GoogleErrors() {
    }

    /** @return the error's status and message, shortened; the body's start when it is not Google's error JSON */
    static String describe(String body, JsonMapper json) {
        try {
            Map<String, Object> parsed = json.readValue(body, Argument.mapOf(String.class, Object.class));
            Object error = parsed.get("error");
            if (error instanceof Map<?, ?> details) {
                return shorten(details.get("status") + ": " + details.get("message"));
            }
            if (error instanceof String code) {
                return shorten(code + (parsed.get("error_description") != null ? ": " + parsed.get("error_description") : ""));
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: fall through to the body itself
        }
        return shorten(body == null ? "" : body.strip());
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }
}
