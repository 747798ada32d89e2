package ai.stratum.sandbox.google;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.google.Operations.Planned;
import ai.stratum.sandbox.google.Operations.Update;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * {@code campaigns:mutate}: an update of {@code status} to ENABLED or PAUSED, or the
 * {@code remove} operation (the campaign is then REMOVED for good: Google refuses further changes
 * to it). Creating campaigns is refused: the sandbox simulates the account's own campaigns only.
 */
final class CampaignMutator implements Operations.Mutator {

    static final Set<String> STATUSES = Set.of("UNSPECIFIED", "UNKNOWN", "ENABLED", "PAUSED", "REMOVED");

    @Override
    public Planned plan(GoogleCall call, JsonNode operation, int index) {
        if (operation.has("create")) {
            throw new OperationError("operationAccessDeniedError", "CREATE_OPERATION_NOT_PERMITTED",
                    "The sandbox simulates the account's own campaigns and creates no others.", "create");
        }
        if (operation.has("remove")) {
            String name = Operations.remove(operation);
            SimulatedCampaign campaign = existing(call, name, "remove");
            return new Planned(name, () -> {
                campaign.setStatus(EntityStatus.DELETED, call.account().today());
                call.record(campaign.id(), "campaign.status=REMOVED");
                return name;
            }, "campaign", null);
        }
        Update update = Operations.update(operation);
        SimulatedCampaign campaign = existing(call, update.resourceName(), "update");
        EntityStatus target = null;
        for (String field : update.mask()) {
            if (!field.equals("status")) {
                throw Operations.unchangeable("campaign", field);
            }
            String status = Operations.enumValue(update.fields(), "status", STATUSES, "CampaignStatusEnum.CampaignStatus",
                    "operations[" + index + "].update.status");
            target = switch (status) {
                case "ENABLED" -> EntityStatus.ACTIVE;
                case "PAUSED" -> EntityStatus.PAUSED;
                default -> throw new OperationError("requestError", "INVALID_ENUM_VALUE", "Enum value not permitted.",
                        "update", "status");
            };
        }
        EntityStatus status = target;
        return new Planned(update.resourceName(), () -> {
            if (status != null && campaign.status() != status) {
                campaign.setStatus(status, call.account().today());
                call.record(campaign.id(), "campaign.status=" + GoogleRows.status(status));
            }
            return update.resourceName();
        }, "campaign", () -> RowRenderer.resource(GoogleRows.campaign(call, campaign), "campaign"));
    }

    /** @return the campaign named, when it exists in the account and is not removed */
    static SimulatedCampaign existing(GoogleCall call, String resourceName, String operation) {
        String id = GoogleIds.idIn(resourceName, call.customerId(), "campaigns").orElseThrow(() -> new OperationError(
                "requestError", "RESOURCE_NAME_MALFORMED", "Resource name provided is malformed.", resourceNamePath(operation)));
        SimulatedCampaign campaign = call.account().campaign(id).orElseThrow(() -> new OperationError("mutateError",
                "RESOURCE_NOT_FOUND", "Requested resource was not found.", resourceNamePath(operation)));
        if (campaign.status() == EntityStatus.DELETED) {
            throw new OperationError("operationAccessDeniedError", "OPERATION_NOT_PERMITTED_FOR_REMOVED_RESOURCE",
                    "Unauthorized operation on a removed resource.", resourceNamePath(operation));
        }
        return campaign;
    }

    static String[] resourceNamePath(String operation) {
        return operation.equals("remove") ? new String[] {"remove"} : new String[] {operation, "resource_name"};
    }
}
