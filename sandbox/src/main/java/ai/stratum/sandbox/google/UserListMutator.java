package ai.stratum.sandbox.google;

import ai.stratum.sandbox.google.Operations.Planned;
import ai.stratum.sandbox.platform.Audiences;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code userLists:mutate}: creates a Customer Match (CRM-based) list, {@code crmBasedUserList}
 * with its {@code uploadKeyType} (CONTACT_INFO, CRM_ID or MOBILE_ADVERTISING_ID), a name unique in
 * the account ({@code NAME_ALREADY_USED}), and optionally {@code membershipLifeSpan} (days, 540 by
 * default) and {@code description}. The list is a sandbox audience; its id is the audience's.
 * Other list types, updates and removals are not simulated and refused.
 */
final class UserListMutator implements Operations.Mutator {

    static final Set<String> UPLOAD_KEY_TYPES = Set.of("UNSPECIFIED", "UNKNOWN", "CONTACT_INFO", "CRM_ID",
            "MOBILE_ADVERTISING_ID");
    private static final long DEFAULT_LIFE_SPAN_DAYS = 540;

    @Override
    public Planned plan(GoogleCall call, JsonNode operation, int index) {
        if (!operation.has("create")) {
            String kind = operation.has("update") ? "update" : "remove";
            throw new OperationError("operationAccessDeniedError", kind.toUpperCase(Locale.ROOT) + "_OPERATION_NOT_PERMITTED",
                    "The sandbox simulates creating Customer Match lists and adding or removing their members only.", kind);
        }
        JsonNode list = operation.path("create");
        JsonNode name = list.path("name");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new OperationError("requestError", "REQUIRED_FIELD_MISSING", "Required field was not set.", "create", "name");
        }
        JsonNode crm = list.path("crmBasedUserList");
        if (!crm.isObject()) {
            throw new OperationError("operationAccessDeniedError", "CREATE_OPERATION_NOT_PERMITTED",
                    "The sandbox simulates Customer Match (CRM-based) lists only.", "create");
        }
        String prefix = "operations[" + index + "].create.crm_based_user_list.upload_key_type";
        JsonNode keyType = crm.path("uploadKeyType");
        if (!keyType.isMissingNode() && (!keyType.isTextual() || !UPLOAD_KEY_TYPES.contains(keyType.asText()))) {
            throw new PayloadError(prefix, "Invalid value at '" + prefix + "' (type.googleapis.com/google.ads.googleads."
                    + GoogleRoutes.VERSION + ".enums.CustomerMatchUploadKeyTypeEnum.CustomerMatchUploadKeyType), " + keyType);
        }
        if (!keyType.isTextual() || keyType.asText().startsWith("UN")) {
            throw new OperationError("requestError", "REQUIRED_FIELD_MISSING", "Required field was not set.", "create",
                    "crm_based_user_list", "upload_key_type");
        }
        Audiences audiences = call.state().audiences();
        boolean taken = audiences.ids().stream().map(audiences::find).flatMap(Optional::stream)
                .anyMatch(existing -> existing.accountId().equals(call.account().accountId())
                        && existing.name().equals(name.asText()));
        if (taken) {
            throw new OperationError("userListError", "NAME_ALREADY_USED", "Name is already being used for another "
                    + "user list for the account.", "create", "name");
        }
        long lifeSpan = list.has("membershipLifeSpan") ? Operations.int64(list, "membershipLifeSpan",
                "operations[" + index + "].create.membership_life_span") : DEFAULT_LIFE_SPAN_DAYS;
        String description = list.path("description").isTextual() ? list.path("description").asText() : null;
        return new Planned(null, () -> {
            Audiences.Audience audience = audiences.create(call.account().accountId(), name.asText());
            call.google().putUserList(audience.id(), new GoogleState.UserListSettings(keyType.asText(), lifeSpan, description));
            return GoogleIds.resource(call.customerId(), "userLists", audience.id());
        }, "userList", null);
    }
}
