package ai.stratum.plugins.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the campaigns {@code PAUSE_ALL} pauses: {@code GET /act_{id}/campaigns} filtered on
 * {@code effective_status} IN {@code ACTIVE}, {@code IN_PROCESS}, {@code WITH_ISSUES} (every
 * campaign switched on, delivering or about to), then kept only where the configured
 * {@code status} is {@code ACTIVE}, so a paused, archived or deleted campaign is never touched even
 * if the filter let it through.
 */
final class ActiveCampaigns {

    /** Effective statuses of a campaign whose own status is ACTIVE. */
    static final String FILTERING =
            "[{\"field\":\"effective_status\",\"operator\":\"IN\",\"value\":[\"ACTIVE\",\"IN_PROCESS\",\"WITH_ISSUES\"]}]";

    private ActiveCampaigns() {
    }

    /** @return the query of a page of the listing, {@code after} null for the first */
    static Map<String, String> query(String after) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "id,status,effective_status");
        query.put("filtering", FILTERING);
        query.put("limit", "100");
        if (after != null) {
            query.put("after", after);
        }
        return query;
    }

    /** @return the ids of the campaigns on the pages whose status is ACTIVE, in order */
    static List<String> ids(List<GraphResponse> pages) {
        List<String> ids = new ArrayList<>();
        for (GraphResponse page : pages) {
            for (JsonNode campaign : JsonFields.requiredArray(page.json(), "data", "the active campaigns")) {
                String id = GraphIds.node(JsonFields.requiredText(campaign, "id", "a campaign"));
                if ("ACTIVE".equals(JsonFields.requiredText(campaign, "status", "campaign " + id))) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
