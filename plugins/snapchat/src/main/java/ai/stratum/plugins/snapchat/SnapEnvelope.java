package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Snap's response envelope: {@code {request_status, request_id, <things>: [{sub_request_status,
 * <thing>: {...}}], paging: {next_link}}}. Statuses are compared without regard to case: the docs
 * write {@code "success"}, live answers {@code "SUCCESS"}.
 */
final class SnapEnvelope {

    static final String SUCCESS = "SUCCESS";

    private SnapEnvelope() {
    }

    static boolean isSuccess(String status) {
        return SUCCESS.equalsIgnoreCase(status);
    }

    /**
     * The entities of a successful answer, in order.
     *
     * @throws ConnectorException rejected when Snap refused one entity (its {@code sub_request_error_reason}),
     *                            malformed when the envelope lacks the list or an entity
     */
    static List<ObjectNode> entities(JsonNode root, String plural, String singular, String what) {
        List<ObjectNode> entities = new ArrayList<>();
        for (JsonNode item : SnapJson.array(root, plural, what)) {
            if (!item.isObject()) {
                throw SnapJson.malformed(what, plural + " holds a non-object");
            }
            String status = SnapJson.text(item, "sub_request_status", what);
            if (!isSuccess(status)) {
                String reason = SnapJson.optionalText(item, "sub_request_error_reason").orElse(status);
                throw ConnectorException.rejected("Snapchat refused a " + singular + ": " + reason, null);
            }
            entities.add(SnapJson.object(item, singular, what));
        }
        return entities;
    }

    /**
     * Snap's cursor for the next page, read from {@code paging.next_link}. Only the cursor is kept:
     * the next request is built on the configured endpoint, never on the host Snap names in the link.
     *
     * @return empty on the last page (no {@code paging} or no {@code next_link})
     */
    static Optional<String> nextCursor(JsonNode root, String what) {
        JsonNode paging = root.get("paging");
        if (paging == null || paging.isNull()) {
            return Optional.empty();
        }
        Optional<String> link = SnapJson.optionalText(paging, "next_link");
        if (link.isEmpty()) {
            return Optional.empty();
        }
        String query;
        try {
            query = new URI(link.get()).getRawQuery();
        } catch (URISyntaxException e) {
            throw ConnectorException.malformedResponse("Snapchat " + what + ": paging.next_link is not a URL", e);
        }
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("cursor=") && pair.length() > "cursor=".length()) {
                    return Optional.of(URLDecoder.decode(pair.substring("cursor=".length()), StandardCharsets.UTF_8));
                }
            }
        }
        throw SnapJson.malformed(what, "paging.next_link has no cursor: " + link.get());
    }
}
