package ai.stratum.plugins.google;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Counts the operations Google refused in a request sent with partial failure enabled. The answer
 * then carries {@code partialFailureError}, a {@code google.rpc.Status} whose GoogleAdsFailure
 * details list one error per fault, each located by
 * {@code location.fieldPathElements[{fieldName:"operations", index}]}.
 */
final class PartialFailures {

    private PartialFailures() {
    }

    /**
     * @param answer     the parsed answer
     * @param operations how many operations the request had
     * @return how many distinct operations failed, at most {@code operations}
     */
    static long failedOperations(JsonNode answer, int operations) {
        JsonNode status = answer.path("partialFailureError");
        if (!status.isObject()) {
            return 0;
        }
        Set<Integer> failed = new HashSet<>();
        int unlocated = 0;
        for (JsonNode detail : status.path("details")) {
            for (JsonNode error : detail.path("errors")) {
                JsonNode first = error.path("location").path("fieldPathElements").path(0);
                if ("operations".equals(first.path("fieldName").asText()) && first.path("index").canConvertToInt()) {
                    failed.add(first.path("index").asInt());
                } else {
                    unlocated++;
                }
            }
        }
        // an error without a location still means at least one refused operation
        long count = failed.size() + (failed.isEmpty() && status.path("code").asInt(0) != 0 ? Math.max(1, unlocated) : 0);
        return Math.min(count, operations);
    }
}
