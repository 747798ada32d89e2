package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns Snap's refusals into the {@link ConnectorException} the host reacts to.
 *
 * <ul>
 *   <li>HTTP 429: rate limited. Snap documents only the status — no body schema, no
 *       {@code Retry-After} — so the status decides. The host's transport retries a 429 with backoff
 *       and hands it on only when its retries are spent; the wait is then a {@code Retry-After} if one
 *       came, else {@link #UNTIMED_RATE_LIMIT_WAIT}: Snap's limits are per second (per app and per
 *       token), but a limit that outlasted the host's retries is better left alone for a minute.</li>
 *   <li>HTTP 401: Snap's message decides. It names an expired token → token expired. It names a
 *       revoked, invalid or disabled token → needs re-authorization, with Snap's message. It says no
 *       more than {@code "Unauthorized"} (the recorded answer) → token expired: Snap access tokens
 *       last 30 minutes, so expiry is by far the likeliest cause, and the host's refresh settles it —
 *       a revoked grant then fails the refresh with {@code invalid_grant}, which is re-authorization.</li>
 *   <li>HTTP 5xx: transient (the host has already retried what could be retried).</li>
 *   <li>Any other 4xx, and a 2xx whose {@code request_status} is {@code ERROR}: rejected, with Snap's
 *       {@code debug_message}/{@code display_message}/{@code msg} and its {@code error_code}.</li>
 * </ul>
 */
final class SnapchatErrors {

    /** How long to wait after a 429 that names no wait, as Snap's never do. */
    static final Duration UNTIMED_RATE_LIMIT_WAIT = Duration.ofMinutes(1);

    private static final List<String> MESSAGE_FIELDS =
            List.of("debug_message", "display_message", "msg", "message", "error_description", "error");
    private static final List<String> REAUTH_WORDS = List.of("revoked", "invalid", "disabled", "deactivated");

    private SnapchatErrors() {
    }

    /** The exception for a Marketing API answer that is not a 2xx. */
    static ConnectorException forStatus(HttpTransport.Response response, Clock clock) {
        SnapError error = SnapError.of(response);
        int status = response.status();
        if (status == 429) {
            return ConnectorException.rateLimited(error.describe("Snapchat rate limit reached"),
                    retryAfter(response, clock).orElse(UNTIMED_RATE_LIMIT_WAIT));
        }
        if (status == 401) {
            return unauthorized(error, response.header("WWW-Authenticate").orElse(""));
        }
        if (status >= 500) {
            return ConnectorException.transientFailure(error.describe("Snapchat server error"), null);
        }
        return ConnectorException.rejected(error.describe("Snapchat refused the request"), error.code().orElse(null));
    }

    /** The exception for a 2xx answer whose envelope says {@code request_status: ERROR}. */
    static ConnectorException forErrorEnvelope(HttpTransport.Response response) {
        SnapError error = SnapError.of(response);
        return ConnectorException.rejected(error.describe("Snapchat refused the request"), error.code().orElse(null));
    }

    private static ConnectorException unauthorized(SnapError error, String wwwAuthenticate) {
        String said = (error.message().orElse("") + " " + wwwAuthenticate).toLowerCase(Locale.ROOT);
        String message = error.describe("Snapchat rejected the access token");
        if (said.contains("expired")) {
            return ConnectorException.tokenExpired(message);
        }
        if (REAUTH_WORDS.stream().anyMatch(said::contains)) {
            return ConnectorException.needsReauth(message);
        }
        return ConnectorException.tokenExpired(message);
    }

    /** A {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(HttpTransport.Response response, Clock clock) {
        return response.header("Retry-After").map(String::trim).flatMap(value -> {
            if (value.matches("\\d{1,10}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** What Snap said in an error body, read leniently: a proxy's HTML page still maps by status. */
    record SnapError(int status, Optional<String> message, Optional<String> code, Optional<String> requestId) {

        static SnapError of(HttpTransport.Response response) {
            JsonNode body = null;
            try {
                body = SnapJson.MAPPER.readTree(response.body());
            } catch (JsonProcessingException e) {
                // not JSON (an HTML error page, say): the status alone decides
            }
            if (body == null || !body.isObject()) {
                return new SnapError(response.status(), Optional.empty(), Optional.empty(), Optional.empty());
            }
            JsonNode object = body;
            Optional<String> message = MESSAGE_FIELDS.stream()
                    .map(field -> SnapJson.optionalText(object, field))
                    .flatMap(Optional::stream)
                    .findFirst();
            Optional<String> code = SnapJson.optionalText(object, "error_code")
                    .or(() -> SnapJson.optionalText(object, "error"));
            return new SnapError(response.status(), message, code, SnapJson.optionalText(object, "request_id"));
        }

        String describe(String fallback) {
            return message.orElse(fallback) + " (HTTP " + status
                    + code.map(value -> ", " + value).orElse("")
                    + requestId.map(value -> ", request_id " + value).orElse("") + ")";
        }
    }
}
