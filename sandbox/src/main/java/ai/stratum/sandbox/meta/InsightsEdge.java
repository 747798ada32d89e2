package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.platform.ReportSnapshots;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * {@code GET /act_{id}/insights}, {@code /{campaign_id}/insights} and {@code /{adset_id}/insights}:
 * the rows of {@link InsightsRows} for the {@link InsightsQuery}, written by
 * {@link InsightsRenderer}, narrowed by {@code filtering} on {@code campaign.id},
 * {@code campaign.name} or {@code adset.id}, and paged with Meta's offset cursors.
 */
final class InsightsEdge {

    private static final Set<String> FILTER_FIELDS = Set.of("campaign.id", "campaign.name", "adset.id");
    private static final String DEFAULT_FIELDS = "impressions,spend";
    /** Pages after the first read the rows the first computed (its cursors are offsets into them). */
    private static final ReportSnapshots<InsightsRows.Row> SNAPSHOTS = new ReportSnapshots<>();

    private InsightsEdge() {
    }

    /** The insights of the whole account. */
    static ObjectNode account(GraphRequest request, SimulatedAccount account) {
        return answer(request, account, account.campaigns(), "account");
    }

    /** The insights of one campaign, or of its ad set. */
    static ObjectNode campaign(GraphRequest request, SimulatedAccount account, SimulatedCampaign campaign,
                               boolean adSet) {
        return answer(request, account, List.of(campaign), adSet ? "adset" : "campaign");
    }

    private static ObjectNode answer(GraphRequest request, SimulatedAccount account, List<SimulatedCampaign> campaigns,
                                     String defaultLevel) {
        InsightsQuery query = InsightsQuery.of(request, defaultLevel, account.today());
        Fields fields = request.fields(DEFAULT_FIELDS);
        Filtering filtering = Filtering.parse(request.param("filtering"), FILTER_FIELDS);
        List<SimulatedCampaign> asked = campaigns.stream()
                .filter(campaign -> filtering.keeps(campaign, InsightsEdge::filterValue)).toList();
        boolean firstPage = request.param("after").isEmpty() && request.param("before").isEmpty();
        List<Object> key = List.of(account, defaultLevel, asked.stream().map(SimulatedCampaign::id).toList(), query);
        List<InsightsRows.Row> rows = SNAPSHOTS.rows(key, firstPage, () -> InsightsRows.of(account, asked, query));
        return GraphPaging.page(request, GraphPaging.numbered(rows),
                row -> InsightsRenderer.row(account, row, query.level(), fields));
    }

    private static String filterValue(SimulatedCampaign campaign, String field) {
        return switch (field) {
            case "campaign.id" -> campaign.id();
            case "campaign.name" -> campaign.profile().name();
            default -> campaign.profile().adSetId();
        };
    }
}
