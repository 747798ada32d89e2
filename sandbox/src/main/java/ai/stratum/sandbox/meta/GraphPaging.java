package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Graph API cursor paging: {@code {"data":[...],"paging":{"cursors":{"before","after"},"previous",
 * "next"}}}. {@code limit} is honoured (Graph's default is {@value #DEFAULT_LIMIT}); {@code next} is
 * there only while more results follow and {@code previous} only after the first page, each the
 * request's own URL with the cursor put in. An empty list is {@code {"data":[]}}.
 *
 * <p>A cursor names a position in the full, unfiltered order of the list and a page starts after
 * (or ends before) it, so filtered lists stay stable while what they filter on changes between
 * pages. Cursors are written Meta's way for offsets, Base64 with each {@code =} as {@code ZD}:
 * position 24 is {@code MjQZD}, as in Meta's insights cursors.
 */
final class GraphPaging {

    /** Graph's page size when a request names none. */
    static final int DEFAULT_LIMIT = 25;

    /**
     * One entry of a list.
     *
     * @param position where it stands in the full order of the list
     * @param item     the entry
     */
    record Entry<T>(int position, T item) {
    }

    private GraphPaging() {
    }

    /**
     * @param request the list request, with its {@code limit}, {@code after} and {@code before}
     * @param entries the entries the request selects, in the list's order
     * @param render  how each is written
     * @return the page's answer
     */
    static <T> ObjectNode page(GraphRequest request, List<Entry<T>> entries, Function<T, JsonNode> render) {
        int limit = limit(request);
        int from;
        int to;
        if (request.param("after").isPresent()) {
            int after = decode(request.param("after").get());
            from = firstAfter(entries, after);
            to = Math.min(entries.size(), from + limit);
        } else if (request.param("before").isPresent()) {
            int before = decode(request.param("before").get());
            to = firstAfter(entries, before - 1);
            from = Math.max(0, to - limit);
        } else {
            from = 0;
            to = Math.min(entries.size(), limit);
        }
        ObjectNode answer = Json.object();
        ArrayNode data = answer.putArray("data");
        List<Entry<T>> page = entries.subList(from, to);
        page.forEach(entry -> data.add(render.apply(entry.item())));
        if (page.isEmpty()) {
            return answer;
        }
        String before = encode(page.get(0).position());
        String after = encode(page.get(page.size() - 1).position());
        ObjectNode paging = answer.putObject("paging");
        paging.putObject("cursors").put("before", before).put("after", after);
        if (from > 0) {
            paging.put("previous", url(request, "before", before));
        }
        if (to < entries.size()) {
            paging.put("next", url(request, "after", after));
        }
        return answer;
    }

    /** @return a list's entries with their positions, for lists not filtered */
    static <T> List<Entry<T>> numbered(List<T> items) {
        return IntStream.range(0, items.size()).mapToObj(i -> new Entry<>(i, items.get(i))).toList();
    }

    /** @return Meta's cursor of a position */
    static String encode(int position) {
        return Base64.getEncoder().encodeToString(Integer.toString(position).getBytes(StandardCharsets.US_ASCII))
                .replace("=", "ZD");
    }

    private static int decode(String cursor) {
        try {
            String text = new String(Base64.getDecoder().decode(cursor.replace("ZD", "=")), StandardCharsets.US_ASCII);
            int position = Integer.parseInt(text);
            if (position < 0) {
                throw new NumberFormatException(text);
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw GraphErrors.invalidParameter("The after/before cursor " + cursor + " is not valid");
        }
    }

    private static int limit(GraphRequest request) {
        String text = request.param("limit").orElse(Integer.toString(DEFAULT_LIMIT));
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw GraphErrors.invalidParameter("Param limit must be a positive integer");
    }

    private static <T> int firstAfter(List<Entry<T>> entries, int position) {
        int index = 0;
        while (index < entries.size() && entries.get(index).position() <= position) {
            index++;
        }
        return index;
    }

    private static String url(GraphRequest request, String cursorName, String cursor) {
        Map<String, String> query = new TreeMap<>(request.raw().query());
        query.remove("after");
        query.remove("before");
        query.put(cursorName, cursor);
        return request.origin() + request.raw().path() + "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
