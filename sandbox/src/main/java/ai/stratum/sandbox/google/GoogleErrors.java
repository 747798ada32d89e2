package ai.stratum.sandbox.google;

import ai.stratum.sandbox.http.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The error bodies of the Google Ads REST interface.
 * <ul>
 *   <li>API errors: the {@code google.rpc.Status} envelope {@code {"error":{code, message, status,
 *       details}}} whose {@code code} is the HTTP status and whose details hold a
 *       {@code GoogleAdsFailure} ({@code errors[{errorCode, message, trigger, location}]},
 *       {@code requestId}). On {@code googleAds:searchStream}, whose answers are JSON arrays, the
 *       envelope comes wrapped in an array: {@code [{"error":{…}}]}.</li>
 *   <li>A body that is not the JSON the method takes: 400 INVALID_ARGUMENT "Invalid JSON payload
 *       received…" with a {@code google.rpc.BadRequest} detail, from Google's front end.</li>
 *   <li>A path the API does not have: Google's front end's HTML 404 page.</li>
 * </ul>
 * Every answer carries Google's {@code request-id} header.
 */
final class GoogleErrors {

    static final String ADS_FAILURE_TYPE = "type.googleapis.com/google.ads.googleads." + GoogleRoutes.VERSION
            + ".errors.GoogleAdsFailure";
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private GoogleErrors() {
    }

    /** @return a new request id, 22 characters like Google's */
    static String requestId() {
        StringBuilder id = new StringBuilder(22);
        for (int i = 0; i < 22; i++) {
            id.append(ID_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }

    /** @return the JSON answer, with Google's content type and request id */
    static ApiResponse json(int status, JsonNode body, String requestId) {
        return ApiResponse.json(status, GoogleJson.write(body)).withHeader("request-id", requestId);
    }

    /**
     * @param failure   the refusal
     * @param stream    whether the request was a searchStream, whose errors come in an array
     * @param requestId the request's id
     * @return the error answer
     */
    static ApiResponse render(AdsFailure failure, boolean stream, String requestId) {
        ObjectNode error = GoogleJson.object();
        error.put("code", failure.httpStatus()).put("message", failure.getMessage()).put("status", failure.status());
        if (!failure.errors().isEmpty()) {
            error.putArray("details").add(adsFailure(failure.errors(), requestId));
        }
        ObjectNode envelope = GoogleJson.object();
        envelope.set("error", error);
        return json(failure.httpStatus(), stream ? GoogleJson.array().add(envelope) : envelope, requestId);
    }

    /** @return the {@code GoogleAdsFailure} detail holding the errors */
    static ObjectNode adsFailure(List<AdsError> errors, String requestId) {
        ObjectNode failure = GoogleJson.object().put("@type", ADS_FAILURE_TYPE);
        ArrayNode list = failure.putArray("errors");
        for (AdsError error : errors) {
            ObjectNode node = list.addObject();
            node.putObject("errorCode").put(error.family(), error.value());
            node.put("message", error.message());
            if (error.trigger() != null) {
                node.putObject("trigger").put("stringValue", error.trigger());
            }
            if (!error.location().isEmpty()) {
                ArrayNode path = node.putObject("location").putArray("fieldPathElements");
                for (AdsError.PathElement element : error.location()) {
                    ObjectNode pathNode = path.addObject().put("fieldName", element.fieldName());
                    if (element.index() != null) {
                        pathNode.put("index", element.index());
                    }
                }
            }
        }
        failure.put("requestId", requestId);
        return failure;
    }

    /**
     * @return the {@code partialFailureError} of a request sent with partial failure: a
     *         {@code google.rpc.Status} whose code is the canonical INVALID_ARGUMENT, 3
     */
    static ObjectNode partialFailure(List<AdsError> errors, String requestId) {
        AdsError first = errors.get(0);
        String message = (errors.size() > 1 ? "Multiple errors in ‘details’. First error: " : "") + first.message()
                + (first.location().isEmpty() ? "" : ", at " + first.locationText());
        ObjectNode status = GoogleJson.object().put("code", 3).put("message", message);
        status.putArray("details").add(adsFailure(errors, requestId));
        return status;
    }

    /**
     * @param field  the offending field's path, for example {@code operations[0].update.status}, or null
     * @param detail what is wrong
     * @return Google's answer to a body that does not parse as the method's request message
     */
    static ApiResponse invalidPayload(String field, String detail) {
        String message = "Invalid JSON payload received. " + detail;
        ObjectNode error = GoogleJson.object().put("code", 400).put("message", message).put("status", "INVALID_ARGUMENT");
        ObjectNode violation = error.putArray("details").addObject()
                .put("@type", "type.googleapis.com/google.rpc.BadRequest")
                .putArray("fieldViolations").addObject();
        if (field != null) {
            violation.put("field", field);
        }
        violation.put("description", message);
        ObjectNode envelope = GoogleJson.object();
        envelope.set("error", error);
        return json(400, envelope, requestId());
    }

    /** @return the front end's HTML 404 page for a path the API does not have */
    static ApiResponse notFound(String path) {
        return html(404, "Not Found", "The requested URL <code>" + escape(path) + "</code> was not found on this server.");
    }

    /** @return one of the front end's HTML error pages */
    static ApiResponse html(int status, String reason, String text) {
        String page = "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error " + status + " (" + reason
                + ")!!1</title>\n  <p><b>" + status + ".</b> <ins>That’s an error.</ins>\n  <p>" + text
                + "  <ins>That’s all we know.</ins>\n";
        return new ApiResponse(status, Map.of("Content-Type", "text/html; charset=UTF-8"), page);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
