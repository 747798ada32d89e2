package ai.stratum.server.graphql;

import io.micronaut.http.HttpRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/** The id that ties a request's log lines together: the caller's {@code X-Request-Id} when sane, else a new one. */
public final class RequestIds {

    private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9._-]{1,64}$");

    private RequestIds() {
    }

    public static String of(HttpRequest<?> request) {
        String given = request.getHeaders().get("X-Request-Id");
        return given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
