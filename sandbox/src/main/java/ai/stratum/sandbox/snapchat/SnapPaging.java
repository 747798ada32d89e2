package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;

/**
 * Snap's paging of entity lists: without {@code limit} everything comes in one answer; with
 * {@code limit} (50 to 1,000) a page holds that many and, when more follow, {@code paging.next_link}
 * is the full URL of the next page ({@code …?cursor=…&limit=…}). The cursor is opaque to clients;
 * here it encodes the position in the list.
 *
 * @param offset where the page starts
 * @param limit  the page size asked for, empty for everything
 */
record SnapPaging(int offset, OptionalInt limit) {

    static final int MIN_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    /** @throws SnapRefusal for a limit outside 50-1,000 or a cursor Snap did not hand out */
    static SnapPaging of(ApiRequest request) {
        OptionalInt limit = OptionalInt.empty();
        if (request.queryParam("limit").isPresent()) {
            String value = request.queryParam("limit").get();
            int parsed;
            try {
                parsed = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalidLimit(value);
            }
            if (parsed < MIN_LIMIT || parsed > MAX_LIMIT) {
                throw invalidLimit(value);
            }
            limit = OptionalInt.of(parsed);
        }
        int offset = request.queryParam("cursor").map(SnapPaging::decode).orElse(0);
        return new SnapPaging(offset, limit);
    }

    /** @return the page's share of the items */
    <T> List<T> page(List<T> items) {
        int from = Math.min(offset, items.size());
        int to = limit.isPresent() ? Math.min(items.size(), from + limit.getAsInt()) : items.size();
        return items.subList(from, to);
    }

    /** Adds {@code paging.next_link} to the answer when items remain after this page. */
    void link(ObjectNode answer, ApiRequest request, int total) {
        if (limit.isEmpty() || offset + limit.getAsInt() >= total) {
            return;
        }
        String host = request.header("Host").orElse("localhost");
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + (offset + limit.getAsInt())).getBytes(StandardCharsets.UTF_8));
        answer.putObject("paging").put("next_link", "http://" + host + encodePath(request.path()) + "?cursor="
                + cursor + "&limit=" + limit.getAsInt());
    }

    private static SnapRefusal invalidLimit(String value) {
        return SnapRefusal.invalid("Invalid limit: " + value + " (allowed values: " + MIN_LIMIT + "-" + MAX_LIMIT
                + ")");
    }

    private static int decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("offset:")) {
                int offset = Integer.parseInt(text.substring("offset:".length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: refused below
        }
        throw SnapRefusal.invalid("Invalid cursor: " + cursor);
    }

    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!encoded.isEmpty() || !segment.isEmpty()) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
    }
}
