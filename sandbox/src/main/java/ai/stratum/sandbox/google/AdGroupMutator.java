package ai.stratum.sandbox.google;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.google.Operations.Planned;
import ai.stratum.sandbox.google.Operations.Update;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code adGroups:mutate} on the simulation's ad sets: updates of {@code cpcBidMicros} (a whole
 * number of the currency's smallest unit, at least one) and {@code status} (ENABLED, PAUSED), and
 * the {@code remove} operation. The bid changes the simulated ad set; an ad group's status is kept
 * by the emulator and shown in queries, but does not change the simulated delivery, which follows
 * the campaign.
 */
final class AdGroupMutator implements Operations.Mutator {

    @Override
    public Planned plan(GoogleCall call, JsonNode operation, int index) {
        if (operation.has("create")) {
            throw new OperationError("operationAccessDeniedError", "CREATE_OPERATION_NOT_PERMITTED",
                    "The sandbox simulates one ad group per campaign and creates no others.", "create");
        }
        boolean remove = operation.has("remove");
        Update update = remove ? null : Operations.update(operation);
        String name = remove ? Operations.remove(operation) : update.resourceName();
        String[] path = CampaignMutator.resourceNamePath(remove ? "remove" : "update");
        String id = GoogleIds.idIn(name, call.customerId(), "adGroups").orElseThrow(() -> new OperationError(
                "requestError", "RESOURCE_NAME_MALFORMED", "Resource name provided is malformed.", path));
        SimulatedCampaign campaign = call.account().campaignOfAdSet(id).orElseThrow(() -> new OperationError(
                "mutateError", "RESOURCE_NOT_FOUND", "Requested resource was not found.", path));
        if (campaign.status() == EntityStatus.DELETED || call.google().adGroupStatus(id).equals("REMOVED")) {
            throw new OperationError("operationAccessDeniedError", "OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE",
                    "Unauthorized operation on a removed resource.", path);
        }
        if (remove) {
            return new Planned(name, () -> {
                call.google().setAdGroupStatus(id, "REMOVED");
                call.record(id, "ad_group.status=REMOVED");
                return name;
            }, "adGroup", null);
        }
        Long bid = null;
        String status = null;
        for (String field : update.mask()) {
            switch (field) {
                case "cpcBidMicros" -> bid = bid(call, Operations.int64(update.fields(), "cpcBidMicros",
                        "operations[" + index + "].update.cpc_bid_micros"));
                case "status" -> status = status(update, index);
                default -> throw Operations.unchangeable("ad_group", field);
            }
        }
        Long newBid = bid;
        String newStatus = status;
        return new Planned(name, () -> {
            if (newBid != null && campaign.bidMicros() != newBid) {
                campaign.setBid(newBid);
                call.record(id, "ad_group.cpc_bid_micros=" + newBid);
            }
            if (newStatus != null && !call.google().adGroupStatus(id).equals(newStatus)) {
                call.google().setAdGroupStatus(id, newStatus);
                call.record(id, "ad_group.status=" + newStatus);
            }
            return name;
        }, "adGroup", () -> RowRenderer.resource(GoogleRows.adGroup(call, campaign), "ad_group"));
    }

    private static String status(Update update, int index) {
        String status = Operations.enumValue(update.fields(), "status", CampaignMutator.STATUSES,
                "AdGroupStatusEnum.AdGroupStatus", "operations[" + index + "].update.status");
        if (!status.equals("ENABLED") && !status.equals("PAUSED")) {
            throw new OperationError("requestError", "INVALID_ENUM_VALUE", "Enum value not permitted.", "update", "status");
        }
        return status;
    }

    private static long bid(GoogleCall call, long micros) {
        long unit = Operations.currencyUnitMicros(call);
        if (micros % unit != 0) {
            throw new OperationError("biddingError", "BID_TOO_MANY_FRACTIONAL_DIGITS",
                    "Bid has too many fractional digit precision.", "update", "cpc_bid_micros");
        }
        if (micros < unit) {
            throw new OperationError("biddingError", "BID_TOO_SMALL", "Bid amount is too small.", "update",
                    "cpc_bid_micros");
        }
        return micros;
    }
}
