package ai.stratum.sandbox.meta;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /act_{id}/campaigns}: the account's campaigns in a stable order, with the fields asked
 * for ({@link CampaignNodes}), narrowed by {@code filtering} (on {@code id}, {@code name},
 * {@code objective}, {@code status}, {@code effective_status}, {@code configured_status}) and by the
 * edge's own {@code effective_status} list, paged with cursors ({@link GraphPaging}). As on Meta,
 * deleted campaigns are listed only when a filter asks for them by status.
 */
final class CampaignEdge {

    private static final Set<String> FILTER_FIELDS = Set.of("id", "name", "objective", "status", "effective_status",
            "configured_status", "campaign.id", "campaign.name", "campaign.objective", "campaign.effective_status");

    private CampaignEdge() {
    }

    static ObjectNode list(GraphRequest request, SimulatedAccount account) {
        Fields fields = request.fields("id");
        Filtering filtering = Filtering.parse(request.param("filtering"), FILTER_FIELDS);
        Optional<List<String>> statuses = request.param("effective_status").map(CampaignEdge::statusList);
        boolean deletedAsked = request.param("filtering").filter(text -> text.contains("DELETED")).isPresent()
                || statuses.filter(list -> list.contains("DELETED")).isPresent();
        List<SimulatedCampaign> campaigns = account.campaigns();
        List<GraphPaging.Entry<SimulatedCampaign>> selected = new ArrayList<>();
        for (int position = 0; position < campaigns.size(); position++) {
            SimulatedCampaign campaign = campaigns.get(position);
            String status = campaign.status().name();
            boolean listed = (deletedAsked || campaign.status() != EntityStatus.DELETED)
                    && statuses.map(list -> list.contains(status)).orElse(true)
                    && filtering.keeps(campaign, CampaignNodes::filterValue);
            if (listed) {
                selected.add(new GraphPaging.Entry<>(position, campaign));
            }
        }
        return GraphPaging.page(request, selected, campaign -> CampaignNodes.campaign(account, campaign, fields));
    }

    /** @return the statuses of an {@code effective_status} parameter, {@code ["ACTIVE","PAUSED"]} */
    private static List<String> statusList(String parameter) {
        JsonNode list;
        try {
            list = Json.read(parameter);
        } catch (Json.BadRequest e) {
            throw GraphErrors.invalidParameter("param effective_status must be an array of statuses");
        }
        if (!list.isArray()) {
            throw GraphErrors.invalidParameter("param effective_status must be an array of statuses");
        }
        List<String> statuses = new ArrayList<>();
        list.forEach(status -> statuses.add(status.asText()));
        return statuses;
    }
}
