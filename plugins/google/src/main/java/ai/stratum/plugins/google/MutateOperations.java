package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityStatus;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Builds the JSON of Google Ads {@code :mutate} requests: {@code operations[]} of
 * {@code {update:{resourceName, field}, updateMask:"field"}} (or {@code {remove: resourceName}}),
 * with {@code partialFailure:false} so a request applies all its operations or none, and
 * {@code validateOnly:false}. int64 values are written as strings, as Google's JSON mapping does.
 */
final class MutateOperations {

    private MutateOperations() {
    }

    /** @return an operation setting one int64 field, for example a budget's {@code amountMicros} */
    static ObjectNode setMicros(String resourceName, String field, long micros) {
        ObjectNode operation = GoogleJson.object();
        operation.put("updateMask", field);
        operation.putObject("update").put("resourceName", resourceName).put(field, String.valueOf(micros));
        return operation;
    }

    /**
     * @return an operation giving a campaign or ad group the status: an update of {@code status}
     *         to ENABLED or PAUSED, or the {@code remove} operation for DELETED (Google's way to
     *         remove an entity, after which it reports {@code REMOVED})
     * @throws ConnectorException rejected for ARCHIVED, which Google Ads does not have
     */
    static ObjectNode setStatus(String resourceName, EntityStatus status) {
        ObjectNode operation = GoogleJson.object();
        switch (status) {
            case ACTIVE -> update(operation, resourceName, "ENABLED");
            case PAUSED -> update(operation, resourceName, "PAUSED");
            case DELETED -> operation.put("remove", resourceName);
            case ARCHIVED -> throw ConnectorException.rejected(
                    "Google Ads has no archived status; pause or delete " + resourceName + " instead", null);
        }
        return operation;
    }

    /** @return the request body carrying the operations */
    static String request(List<ObjectNode> operations) {
        ObjectNode body = GoogleJson.object();
        ArrayNode array = body.putArray("operations");
        operations.forEach(array::add);
        body.put("partialFailure", false);
        body.put("validateOnly", false);
        return GoogleJson.write(body);
    }

    private static void update(ObjectNode operation, String resourceName, String status) {
        operation.put("updateMask", "status");
        operation.putObject("update").put("resourceName", resourceName).put("status", status);
    }
}
