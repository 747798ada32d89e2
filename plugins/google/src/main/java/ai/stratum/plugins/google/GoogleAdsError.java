package ai.stratum.plugins.google;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * One Google Ads API error, read from the {@code google.rpc.Status} envelope
 * {@code {"error":{code,message,status,details[]}}}. Of the details it keeps the first
 * {@code GoogleAdsFailure} error (its {@code errorCode}, a one-key object such as
 * {@code {"quotaError":"RESOURCE_EXHAUSTED"}}, its message and its quota retry delay) and the
 * {@code reason} of a {@code google.rpc.ErrorInfo}, which Google's front end uses for token faults.
 *
 * @param httpCode   the envelope's {@code code}, the HTTP status
 * @param status     the canonical status, for example {@code RESOURCE_EXHAUSTED}
 * @param message    the envelope's message
 * @param errorType  the GoogleAdsFailure error family, for example {@code authenticationError}
 * @param errorValue its enum value, for example {@code NOT_ADS_USER}
 * @param detail     the GoogleAdsFailure error's own message
 * @param reason     the ErrorInfo reason, for example {@code ACCESS_TOKEN_EXPIRED}
 * @param retryDelay the {@code quotaErrorDetails.retryDelay}
 * @param requestId  Google's request id, for support
 */
record GoogleAdsError(int httpCode, String status, String message, Optional<String> errorType,
                      Optional<String> errorValue, Optional<String> detail, Optional<String> reason,
                      Optional<Duration> retryDelay, Optional<String> requestId) {

    private static final String ADS_FAILURE = "errors.GoogleAdsFailure";
    private static final String ERROR_INFO = "google.rpc.ErrorInfo";

    /**
     * @param error the value of the envelope's {@code error} key
     * @return the error
     */
    static GoogleAdsError read(JsonNode error) {
        Optional<String> errorType = Optional.empty();
        Optional<String> errorValue = Optional.empty();
        Optional<String> detail = Optional.empty();
        Optional<String> reason = Optional.empty();
        Optional<Duration> retryDelay = Optional.empty();
        Optional<String> requestId = Optional.empty();
        for (JsonNode entry : error.path("details")) {
            String type = entry.path("@type").asText("");
            if (type.endsWith(ADS_FAILURE) && errorType.isEmpty()) {
                requestId = text(entry.path("requestId"));
                JsonNode first = entry.path("errors").path(0);
                Iterator<Map.Entry<String, JsonNode>> codes = first.path("errorCode").fields();
                if (codes.hasNext()) {
                    Map.Entry<String, JsonNode> code = codes.next();
                    errorType = Optional.of(code.getKey());
                    errorValue = text(code.getValue());
                }
                detail = text(first.path("message"));
                retryDelay = text(first.path("details").path("quotaErrorDetails").path("retryDelay"))
                        .flatMap(GoogleAdsError::parseDuration);
            } else if (type.endsWith(ERROR_INFO) && reason.isEmpty()) {
                reason = text(entry.path("reason"));
            }
        }
        return new GoogleAdsError(error.path("code").asInt(0), error.path("status").asText(""),
                error.path("message").asText(""), errorType, errorValue, detail, reason, retryDelay, requestId);
    }

    /** @return for example {@code authenticationError.NOT_ADS_USER}, else the status, else the HTTP code */
    String platformCode() {
        if (errorType.isPresent()) {
            return errorType.get() + "." + errorValue.orElse("");
        }
        return status.isEmpty() ? "HTTP_" + httpCode : status;
    }

    /** @return the most specific message: the GoogleAdsFailure's own, else the envelope's */
    String bestMessage() {
        return detail.filter(text -> !text.isBlank()).orElse(message);
    }

    /** @return a message for operators: code, messages and request id */
    String describe() {
        StringBuilder text = new StringBuilder("Google Ads ").append(platformCode()).append(": ").append(bestMessage());
        if (detail.isPresent() && !message.isBlank() && !message.equals(detail.get())) {
            text.append(" (").append(message).append(")");
        }
        requestId.ifPresent(id -> text.append(" [requestId ").append(id).append("]"));
        return text.toString();
    }

    /** Reads a protobuf Duration in JSON form, for example {@code "30s"} or {@code "1.5s"}. */
    static Optional<Duration> parseDuration(String value) {
        if (!value.matches("[0-9]+(\\.[0-9]+)?s")) {
            return Optional.empty();
        }
        BigDecimal seconds = new BigDecimal(value.substring(0, value.length() - 1));
        return Optional.of(Duration.ofMillis(seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact()));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }
}
