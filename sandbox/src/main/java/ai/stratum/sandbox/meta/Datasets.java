package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * The account's datasets (Meta pixels) and their event match quality:
 * <ul>
 *   <li>{@code GET /act_{id}/adspixels} and {@code GET /{dataset_id}}: {@code id}, {@code name},
 *       {@code last_fired_time} (the account's newest data);</li>
 *   <li>{@code GET /dataset_quality?dataset_id=...&fields=web{event_name,event_match_quality}}: a
 *       {@code web} list with the {@code Purchase} event, whose
 *       {@code event_match_quality.composite_score} is the dataset's score (0-10, a JSON number).
 *       The Dataset Quality API's other parts ({@code event_coverage}, {@code dedupe_key_feedback},
 *       {@code data_freshness}, {@code acr}, {@code match_key_feedback}) may be asked for and are
 *       left out, as Meta leaves out what it has no figures for.</li>
 * </ul>
 */
final class Datasets {

    private static final Set<String> UNREPORTED_WEB_FIELDS =
            Set.of("event_coverage", "dedupe_key_feedback", "data_freshness", "acr");

    private Datasets() {
    }

    static ObjectNode list(GraphRequest request, SimulatedAccount account) {
        Fields fields = request.fields("id");
        List<String> ids = account.datasetEmq().keySet().stream().sorted().toList();
        return GraphPaging.page(request, GraphPaging.numbered(ids), id -> node(account, id, fields));
    }

    static ObjectNode node(SimulatedAccount account, String datasetId, Fields fields) {
        ObjectNode node = Json.object();
        for (String field : fields.names()) {
            switch (field) {
                case "id" -> node.put("id", datasetId);
                case "name" -> node.put("name", account.name() + " Pixel");
                case "last_fired_time" -> node.put("last_fired_time", MetaUnits.time(account.newestDataAt(), account.zone()));
                default -> throw GraphErrors.nonexistingField(field, "AdsPixel");
            }
        }
        if (!fields.has("id")) {
            node.put("id", datasetId);
        }
        return node;
    }

    static ObjectNode quality(GraphRequest request, PlatformState state) {
        String datasetId = request.required("dataset_id");
        Nodes.Node node = Nodes.find(state, datasetId, "GET");
        if (!(node instanceof Nodes.Dataset dataset)) {
            throw GraphErrors.unsupported("GET", datasetId);
        }
        Fields web = request.fields("web{event_name,event_match_quality}").sub("web");
        double score = dataset.account().datasetEmq().get(datasetId);
        ObjectNode answer = Json.object();
        ArrayNode events = answer.putArray("web");
        ObjectNode event = events.addObject();
        for (String field : (web.isEmpty() ? Fields.parse("event_name,event_match_quality") : web).names()) {
            switch (field) {
                case "event_name" -> event.put("event_name", "Purchase");
                case "event_match_quality" -> event.putObject("event_match_quality").put("composite_score", score);
                default -> {
                    if (!UNREPORTED_WEB_FIELDS.contains(field)) {
                        throw GraphErrors.invalidParameter(field + " is not valid for fields param of web");
                    }
                }
            }
        }
        return answer;
    }
}
