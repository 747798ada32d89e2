package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.platform.PlatformState;

import java.util.List;

/**
 * The Marketing API paths the sandbox serves, under {@code /v1}:
 * <pre>
 * GET    /v1/adaccounts/{id}                 ad account (currency, timezone)
 * GET    /v1/adaccounts/{id}/campaigns       campaigns, paged with limit/cursor
 * PUT    /v1/adaccounts/{id}/campaigns       full campaign objects
 * GET    /v1/adaccounts/{id}/stats           TOTAL stats with completeness times
 * POST   /v1/adaccounts/{id}/segments        new customer-list segment
 * GET    /v1/campaigns/{id}                  one campaign
 * GET    /v1/campaigns/{id}/stats            DAY stats
 * PUT    /v1/campaigns/{id}/adsquads         full ad squad objects
 * GET    /v1/adsquads/{id}                   one ad squad
 * GET    /v1/segments/{id}                   one segment with its size
 * POST   /v1/segments/{id}/users             add identifiers
 * DELETE /v1/segments/{id}/users             remove identifiers
 * </pre>
 * Anything else is Snap's 404.
 */
final class MarketingApiRoutes {

    static final String VERSION = "v1";

    private final PlatformState state;
    private final SegmentNotes segmentNotes;

    MarketingApiRoutes(PlatformState state, SegmentNotes segmentNotes) {
        this.state = state;
        this.segmentNotes = segmentNotes;
    }

    ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (SnapRefusal refusal) {
            return refusal.response();
        }
    }

    private ApiResponse route(ApiRequest request) {
        List<String> path = request.segments();
        if (path.size() < 3 || !path.get(0).equals(VERSION)) {
            throw SnapRefusal.notFound();
        }
        String collection = path.get(1);
        String id = path.get(2);
        String sub = path.size() == 4 ? path.get(3) : path.size() == 3 ? "" : null;
        String method = request.method();
        if (sub == null) {
            throw SnapRefusal.notFound();
        }
        EntityReads reads = new EntityReads(state);
        return switch (collection + "/" + sub + " " + method) {
            case "adaccounts/ GET" -> reads.adAccount(id);
            case "adaccounts/campaigns GET" -> reads.campaigns(request, id);
            case "adaccounts/campaigns PUT" -> new CampaignUpdates(state).put(request, id);
            case "adaccounts/stats GET" -> AccountStats.get(request, reads.account(id));
            case "adaccounts/segments POST" -> new Segments(state, segmentNotes).create(request, id);
            case "campaigns/ GET" -> reads.campaign(id);
            case "campaigns/stats GET" -> new CampaignStats(state).get(request, id);
            case "campaigns/adsquads PUT" -> new AdSquadUpdates(state).put(request, id);
            case "adsquads/ GET" -> reads.adSquad(id);
            case "segments/ GET" -> new Segments(state, segmentNotes).get(id);
            case "segments/users POST", "segments/users DELETE" -> new Segments(state, segmentNotes).users(request, id);
            default -> throw SnapRefusal.notFound();
        };
    }
}
