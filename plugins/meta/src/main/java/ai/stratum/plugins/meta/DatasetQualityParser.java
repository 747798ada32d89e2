package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.EventMatchQuality;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Dataset Quality API, {@code GET /dataset_quality?dataset_id=...&fields=web{event_name,event_match_quality}}:
 * a {@code web} list with one entry per event, each with
 * {@code event_match_quality.composite_score} on Meta's 0-10 scale. An event without a score (Meta
 * has none for it yet) is left out. Meta does not say when it computed a score, so the reading is
 * stamped with the time it was read.
 */
final class DatasetQualityParser {

    /** The fields to ask for. */
    static final String FIELDS = "web{event_name,event_match_quality}";

    private DatasetQualityParser() {
    }

    static List<EventMatchQuality> parse(JsonNode answer, String datasetId, Instant readAt) {
        String what = "the dataset quality of " + datasetId;
        List<EventMatchQuality> readings = new ArrayList<>();
        for (JsonNode event : JsonFields.optionalArray(answer, "web", what)) {
            String eventName = JsonFields.requiredText(event, "event_name", what);
            JsonNode score = event.path("event_match_quality").path("composite_score");
            if (score.isMissingNode() || score.isNull()) {
                continue;
            }
            if (!score.isNumber() || score.asDouble() < 0 || score.asDouble() > 10) {
                throw JsonFields.malformed(what + " has a " + eventName + " score that is not 0 to 10: " + score);
            }
            readings.add(new EventMatchQuality(datasetId, eventName, score.asDouble(), readAt));
        }
        return readings;
    }

    /** @return the ids in a page of {@code GET /act_{id}/adspixels?fields=id,name} */
    static List<String> datasetIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode pixel : JsonFields.requiredArray(page, "data", "the ad account's datasets")) {
            ids.add(GraphIds.node(JsonFields.requiredText(pixel, "id", "a dataset")));
        }
        return ids;
    }
}
