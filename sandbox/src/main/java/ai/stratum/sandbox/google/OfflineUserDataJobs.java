package ai.stratum.sandbox.google;

import ai.stratum.sandbox.http.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The OfflineUserDataJobService calls that fill a Customer Match list:
 * <ul>
 *   <li>{@code offlineUserDataJobs:create} with {@code job{type: CUSTOMER_MATCH_USER_LIST,
 *       customerMatchUserListMetadata{userList}}} answers {@code {resourceName}}; an unknown list is
 *       {@code INVALID_USER_LIST_ID}.</li>
 *   <li>{@code {job}:addOperations} with {@code operations[{create|remove: {userIdentifiers[]}}]}
 *       and {@code enablePartialFailure}: at most 100,000 identifiers a request and 20 an operation
 *       ({@code TOO_MANY_USER_IDENTIFIERS}); adds and removes never mixed in one job
 *       ({@code CONFLICTING_OPERATION}); no operations once the job ran
 *       ({@code JOB_ALREADY_STARTED}). Each identifier must fit the list's upload key type
 *       ({@code INCOMPATIBLE_UPLOAD_KEY_TYPE}) and hashes must be lower-case SHA-256 hex
 *       ({@code INVALID_SHA256_FORMAT}). With partial failure the good operations are kept and the
 *       answer's {@code partialFailureError} locates the others; without, any error refuses the
 *       request. A success answers {@code {}}.</li>
 *   <li>{@code {job}:run} applies the queued identifiers to the list at once (Google takes up to
 *       hours) and answers the long-running operation, {@code {name}}.</li>
 * </ul>
 */
final class OfflineUserDataJobs {

    static final int MAX_IDENTIFIERS_PER_REQUEST = 100_000;
    static final int MAX_IDENTIFIERS_PER_OPERATION = 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    ApiResponse create(GoogleCall call, JsonNode body) {
        JsonNode job = body.path("job");
        if (!job.isObject()) {
            throw AdsFailure.invalidArgument(AdsError.of("requestError", "REQUIRED_FIELD_MISSING",
                    "Required field was not set.").at("job"));
        }
        if (!"CUSTOMER_MATCH_USER_LIST".equals(job.path("type").asText())) {
            throw AdsFailure.invalidArgument(AdsError.of("operationAccessDeniedError", "CREATE_OPERATION_NOT_PERMITTED",
                    "The sandbox simulates Customer Match jobs (CUSTOMER_MATCH_USER_LIST) only.").at("job", "type"));
        }
        String userList = job.path("customerMatchUserListMetadata").path("userList").asText("");
        String listId = GoogleIds.idIn(userList, call.customerId(), "userLists")
                .filter(id -> call.state().audiences().find(id)
                        .filter(audience -> audience.accountId().equals(call.account().accountId())).isPresent())
                .orElseThrow(() -> AdsFailure.invalidArgument(AdsError.of("offlineUserDataJobError", "INVALID_USER_LIST_ID",
                        "The user list ID provided for the job is invalid.")
                        .at("job", "customer_match_user_list_metadata", "user_list")));
        if (body.path("validateOnly").asBoolean(false)) {
            return GoogleErrors.json(200, GoogleJson.object(), call.requestId());
        }
        OfflineUserDataJob created = call.google().newJob(call.customerId(), listId);
        return GoogleErrors.json(200, GoogleJson.object().put("resourceName", created.resourceName()), call.requestId());
    }

    ApiResponse addOperations(GoogleCall call, String jobId, JsonNode body) {
        OfflineUserDataJob job = pending(call, jobId);
        JsonNode operations = body.path("operations");
        if (!operations.isArray() || operations.isEmpty()) {
            throw AdsFailure.invalidArgument(AdsError.of("requestError", "REQUIRED_FIELD_MISSING",
                    "Required field was not set.").at("operations"));
        }
        int identifiers = 0;
        for (JsonNode operation : operations) {
            identifiers += operation.path("create").path("userIdentifiers").size()
                    + operation.path("remove").path("userIdentifiers").size();
        }
        if (identifiers > MAX_IDENTIFIERS_PER_REQUEST) {
            throw AdsFailure.invalidArgument(tooMany());
        }
        String uploadKeyType = call.google().userList(job.userListId()).uploadKeyType();
        String kind = job.kind();
        List<String> accepted = new ArrayList<>();
        List<AdsError> errors = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            String operationKind = operation.has("create") ? "create" : operation.has("remove") ? "remove" : null;
            try {
                if (operationKind == null) {
                    throw new OperationError("requestError", "OPERATION_REQUIRED", "Mutate operation should have either "
                            + "create, update, or remove specified.");
                }
                if (kind != null && !kind.equals(operationKind)) {
                    throw new OperationError("offlineUserDataJobError", "CONFLICTING_OPERATION", "Mixing creation and "
                            + "removal of offline data in the same job is not allowed.", operationKind);
                }
                accepted.addAll(identifiers(operation.path(operationKind).path("userIdentifiers"), operationKind,
                        uploadKeyType));
                kind = operationKind;
            } catch (OperationError e) {
                errors.add(e.error().atOperation(i));
            }
        }
        if (!errors.isEmpty() && !body.path("enablePartialFailure").asBoolean(false)) {
            throw AdsFailure.invalidArgument(errors);
        }
        if (!body.path("validateOnly").asBoolean(false) && kind != null) {
            job.add(kind, accepted);
        }
        ObjectNode answer = GoogleJson.object();
        if (!errors.isEmpty()) {
            answer.set("partialFailureError", GoogleErrors.partialFailure(errors, call.requestId()));
        }
        return GoogleErrors.json(200, answer, call.requestId());
    }

    ApiResponse run(GoogleCall call, String jobId, JsonNode body) {
        OfflineUserDataJob job = pending(call, jobId);
        if (!body.path("validateOnly").asBoolean(false)) {
            List<String> identifiers = job.run();
            if ("remove".equals(job.kind())) {
                call.state().audiences().remove(job.userListId(), identifiers);
            } else if (!identifiers.isEmpty()) {
                call.state().audiences().add(job.userListId(), identifiers);
            }
        }
        return GoogleErrors.json(200, GoogleJson.object().put("name",
                GoogleIds.resource(call.customerId(), "operations", job.id())), call.requestId());
    }

    private static OfflineUserDataJob pending(GoogleCall call, String jobId) {
        OfflineUserDataJob job = call.google().job(jobId).filter(found -> found.customerId().equals(call.customerId()))
                .orElseThrow(() -> AdsFailure.invalidArgument(AdsError.of("requestError", "RESOURCE_NOT_FOUND",
                        "Requested resource not found.").at("resource_name")));
        if (!job.status().equals("PENDING")) {
            throw AdsFailure.invalidArgument(AdsError.of("offlineUserDataJobError", "JOB_ALREADY_STARTED",
                    "Once the upload job is started, new operations cannot be added."));
        }
        return job;
    }

    private static List<String> identifiers(JsonNode list, String kind, String uploadKeyType) {
        if (!list.isArray() || list.isEmpty()) {
            throw new OperationError("offlineUserDataJobError", "MISSING_USER_IDENTIFIER",
                    "The user identifier is missing valid data.", kind);
        }
        if (list.size() > MAX_IDENTIFIERS_PER_OPERATION) {
            throw new OperationError(tooMany().at(kind));
        }
        List<String> values = new ArrayList<>();
        for (int j = 0; j < list.size(); j++) {
            values.add(identifier(list.get(j), kind, j, uploadKeyType));
        }
        return values;
    }

    private static String identifier(JsonNode identifier, String kind, int index, String uploadKeyType) {
        for (String field : List.of("hashedEmail", "hashedPhoneNumber", "mobileId", "thirdPartyUserId")) {
            JsonNode value = identifier.path(field);
            if (!value.isTextual()) {
                continue;
            }
            String expectedType = field.startsWith("hashed") ? "CONTACT_INFO"
                    : field.equals("mobileId") ? "MOBILE_ADVERTISING_ID" : "CRM_ID";
            if (!expectedType.equals(uploadKeyType)) {
                throw new OperationError(located("INCOMPATIBLE_UPLOAD_KEY_TYPE", "Upload data is not compatible with the "
                        + "upload key type of the associated user list.", kind, index, field));
            }
            if (field.startsWith("hashed") && !SHA256.matcher(value.asText()).matches()) {
                throw new OperationError(located("INVALID_SHA256_FORMAT", "The SHA256 encoded value is malformed.", kind,
                        index, field));
            }
            return value.asText();
        }
        throw new OperationError(located("MISSING_USER_IDENTIFIER", "The user identifier is missing valid data.", kind,
                index, null));
    }

    private static AdsError located(String value, String message, String kind, int index, String field) {
        List<AdsError.PathElement> path = new ArrayList<>();
        path.add(new AdsError.PathElement(kind, null));
        path.add(new AdsError.PathElement("user_identifiers", index));
        if (field != null) {
            path.add(new AdsError.PathElement(Operations.snake(field), null));
        }
        return new AdsError("offlineUserDataJobError", value, message, null, path);
    }

    private static AdsError tooMany() {
        return AdsError.of("offlineUserDataJobError", "TOO_MANY_USER_IDENTIFIERS", "Maximum number of user identifiers "
                + "allowed per request is 100,000 and per operation is 20.");
    }
}
