package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.CompiledQuery.Sort;
import ai.stratum.sandbox.http.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v26/customers/{id}/googleAds:searchStream} with {@code {"query": GAQL}}: every
 * matching row at once, as a JSON array of {@code SearchGoogleAdsStreamResponse} batches of at most
 * {@code rowsPerBatch} rows, each with {@code results}, {@code fieldMask} and {@code requestId};
 * the last also has {@code queryResourceConsumption}. A query matching nothing answers one batch
 * without {@code results}. There are no page tokens: a client reads the whole array. A refused
 * query answers 400 with its {@code queryError}, wrapped in an array like every stream answer.
 */
final class SearchStreamEndpoint {

    private final int rowsPerBatch;

    SearchStreamEndpoint(int rowsPerBatch) {
        this.rowsPerBatch = rowsPerBatch;
    }

    ApiResponse answer(GoogleCall call, JsonNode body) {
        JsonNode query = body.path("query");
        if (!query.isTextual() || query.asText().isBlank()) {
            throw AdsFailure.invalidArgument(AdsError.of("queryError", "QUERY_ERROR", "Error in query: the query is empty.")
                    .at("query"));
        }
        CompiledQuery compiled;
        try {
            compiled = QueryCompiler.compile(GaqlParser.parse(query.asText()), call.account().today());
        } catch (GaqlException e) {
            throw AdsFailure.invalidArgument(e.toAdsError());
        }
        List<Map<String, Object>> rows = select(GoogleRows.rows(call, compiled), compiled);
        return GoogleErrors.json(200, batches(rows, compiled, call.requestId()), call.requestId());
    }

    private static List<Map<String, Object>> select(List<Map<String, Object>> rows, CompiledQuery query) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (query.where().stream().allMatch(filter -> filter.test(row.get(filter.field().name())))) {
                matching.add(row);
            }
        }
        Comparator<Map<String, Object>> order = null;
        for (Sort sort : query.orderBy()) {
            Comparator<Map<String, Object>> next = (a, b) -> compareNullsFirst(a.get(sort.field().name()),
                    b.get(sort.field().name()));
            next = sort.descending() ? next.reversed() : next;
            order = order == null ? next : order.thenComparing(next);
        }
        if (order != null) {
            matching.sort(order);
        }
        long limit = query.limit().orElse(Long.MAX_VALUE);
        return matching.size() > limit ? matching.subList(0, (int) limit) : matching;
    }

    private static int compareNullsFirst(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return GaqlFilter.compare(a, b);
    }

    private ArrayNode batches(List<Map<String, Object>> rows, CompiledQuery query, String requestId) {
        String fieldMask = RowRenderer.fieldMask(query.select());
        ArrayNode batches = GoogleJson.array();
        for (int from = 0; from < rows.size() || from == 0; from += rowsPerBatch) {
            ObjectNode batch = batches.addObject();
            if (!rows.isEmpty()) {
                ArrayNode results = batch.putArray("results");
                rows.subList(from, Math.min(rows.size(), from + rowsPerBatch))
                        .forEach(row -> results.add(RowRenderer.render(row, query)));
            }
            batch.put("fieldMask", fieldMask).put("requestId", requestId);
        }
        // what the query cost Google to answer: grows with the rows and the fields read
        long consumption = Math.max(1, rows.size()) * (long) query.select().size();
        ((ObjectNode) batches.get(batches.size() - 1)).put("queryResourceConsumption", String.valueOf(consumption));
        return batches;
    }
}
