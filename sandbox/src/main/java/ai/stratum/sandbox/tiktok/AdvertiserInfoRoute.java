package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code GET /open_api/v1.3/advertiser/info/?advertiser_ids=["<id>",...]} (1-100 ids):
 * {@code data.list[]} with one entry per advertiser: {@code advertiser_id}, {@code name},
 * {@code currency}, {@code timezone} in TikTok's GMT-offset form ({@code "Etc/GMT+7"} for
 * Los Angeles in summer, the zone's offset now; the zone's own name where the offset is not whole
 * hours) and {@code display_timezone}, the IANA name, and {@code status}.
 */
final class AdvertiserInfoRoute {

    private AdvertiserInfoRoute() {
    }

    static ApiResponse handle(ApiRequest request, PlatformState state) {
        List<String> ids = Params.ofQuery(request.query()).texts("advertiser_ids", 1, 100);
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("list");
        for (String id : ids) {
            SimulatedAccount account = Advertisers.require(state, id);
            list.addObject()
                    .put("advertiser_id", account.accountId())
                    .put("name", account.name())
                    .put("currency", account.currency())
                    .put("timezone", gmtOffsetZone(account, state))
                    .put("display_timezone", account.zone().getId())
                    .put("status", "STATUS_ENABLE");
        }
        return TikTokReplies.ok(data);
    }

    private static String gmtOffsetZone(SimulatedAccount account, PlatformState state) {
        ZoneOffset offset = account.zone().getRules().getOffset(state.clock().instant());
        int seconds = offset.getTotalSeconds();
        if (seconds % 3600 != 0) {
            return account.zone().getId();
        }
        int hours = seconds / 3600;
        // the Etc zones count the other way: Etc/GMT+7 is seven hours behind UTC
        return hours == 0 ? "Etc/GMT" : "Etc/GMT" + (hours < 0 ? "+" : "-") + Math.abs(hours);
    }
}
