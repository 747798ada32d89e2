package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.function.Supplier;

/**
 * Routes Graph API requests (after the version) to their handlers:
 * <pre>
 * GET    /act_{id}                     the ad account            {@link AccountNode}
 * GET    /act_{id}/campaigns           campaigns                 {@link CampaignEdge}
 * GET    /act_{id}/insights            insights                  {@link InsightsEdge}
 * GET    /act_{id}/adspixels           datasets                  {@link Datasets}
 * GET    /act_{id}/customaudiences     audiences                 {@link AudienceEndpoints}
 * POST   /act_{id}/customaudiences     a new audience
 * GET    /dataset_quality              event match quality
 * GET    /{id}                         a campaign, ad set, audience or dataset
 * POST   /{id}                         an update                 {@link EntityUpdates}
 * GET    /{campaign or ad set}/insights
 * POST   /{audience_id}/users          add members
 * DELETE /{audience_id}/users          remove members
 * </pre>
 * Anything else is Meta's unknown-path or unsupported-request error.
 */
final class GraphRouter {

    private final AdSetStatuses adSets;

    GraphRouter(AdSetStatuses adSets) {
        this.adSets = adSets;
    }

    ApiResponse route(GraphRequest request, PlatformState state) {
        List<String> path = request.path();
        if (path.isEmpty()) {
            throw GraphErrors.unknownPath("/");
        }
        String node = path.get(0);
        String method = request.method();
        if (path.size() == 1 && node.equals("dataset_quality")) {
            return get(request, () -> Datasets.quality(request, state));
        }
        if (path.size() == 1) {
            return switch (method) {
                case "GET" -> ok(read(request, state, node));
                case "POST" -> ok(EntityUpdates.update(request, state, adSets, node));
                default -> throw GraphErrors.unsupported(method, node);
            };
        }
        if (path.size() == 2) {
            return edge(request, state, node, path.get(1), method);
        }
        throw GraphErrors.unknownPath("/" + String.join("/", path.subList(2, path.size())));
    }

    private ApiResponse edge(GraphRequest request, PlatformState state, String node, String edge, String method) {
        if (node.startsWith("act_")) {
            SimulatedAccount account = Nodes.requireAccount(state, node, method);
            return switch (edge + " " + method) {
                case "campaigns GET" -> ok(CampaignEdge.list(request, account));
                case "insights GET" -> ok(InsightsEdge.account(request, account));
                case "adspixels GET" -> ok(Datasets.list(request, account));
                case "customaudiences GET" -> ok(AudienceEndpoints.list(request, state, account));
                case "customaudiences POST" -> ok(AudienceEndpoints.create(request, state, account));
                default -> throw unknownEdge(edge, method);
            };
        }
        if (edge.equals("users") && (method.equals("POST") || method.equals("DELETE"))) {
            return ok(AudienceEndpoints.users(request, state, AudienceEndpoints.require(state, node, method),
                    method.equals("POST")));
        }
        if (edge.equals("insights") && method.equals("GET")) {
            Nodes.Node found = Nodes.find(state, node, method);
            if (found instanceof Nodes.Campaign campaign) {
                return ok(InsightsEdge.campaign(request, campaign.account(), campaign.campaign(), false));
            }
            if (found instanceof Nodes.AdSet adSet) {
                return ok(InsightsEdge.campaign(request, adSet.account(), adSet.campaign(), true));
            }
        }
        Nodes.find(state, node, method);
        throw unknownEdge(edge, method);
    }

    private JsonNode read(GraphRequest request, PlatformState state, String id) {
        Nodes.Node node = Nodes.find(state, id, "GET");
        if (node instanceof Nodes.Account account) {
            return AccountNode.render(account.account(), request.fields("account_id,id"));
        }
        if (node instanceof Nodes.Campaign campaign) {
            return CampaignNodes.campaign(campaign.account(), campaign.campaign(), request.fields("id"));
        }
        if (node instanceof Nodes.AdSet adSet) {
            return CampaignNodes.adSet(adSet.account(), adSet.campaign(),
                    adSets.of(adSet.campaign().profile().adSetId()), request.fields("id"));
        }
        if (node instanceof Nodes.Audience audience) {
            return AudienceEndpoints.node(state, audience.audience(), request.fields("id"));
        }
        Nodes.Dataset dataset = (Nodes.Dataset) node;
        return Datasets.node(dataset.account(), dataset.datasetId(), request.fields("id"));
    }

    private static GraphException unknownEdge(String edge, String method) {
        return method.equals("GET") ? GraphErrors.unknownPath("/" + edge) : GraphErrors.unsupported(method, edge);
    }

    private static ApiResponse get(GraphRequest request, Supplier<JsonNode> answer) {
        if (!request.method().equals("GET")) {
            throw GraphErrors.unsupported(request.method(), request.path().get(0));
        }
        return ok(answer.get());
    }

    private static ApiResponse ok(JsonNode body) {
        return ApiResponse.json(200, Json.write(body));
    }
}
