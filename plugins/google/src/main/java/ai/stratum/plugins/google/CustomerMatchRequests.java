package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.IdentifierType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The JSON bodies of Customer Match: a CRM-based user list ({@code userLists:mutate}) and the
 * OfflineUserDataJobService calls that fill it ({@code offlineUserDataJobs:create},
 * {@code :addOperations}, {@code :run}).
 */
final class CustomerMatchRequests {

    /** The longest membership Google allows, in days; members stay until removed or expired. */
    static final long MEMBERSHIP_LIFE_SPAN_DAYS = 540;

    private CustomerMatchRequests() {
    }

    /** @return a {@code userLists:mutate} body creating a contact-info Customer Match list */
    static String createUserList(String name) {
        ObjectNode list = GoogleJson.object();
        list.put("name", name);
        list.put("description", "Customer Match list kept in step by Stratum");
        list.put("membershipLifeSpan", String.valueOf(MEMBERSHIP_LIFE_SPAN_DAYS));
        list.putObject("crmBasedUserList").put("uploadKeyType", "CONTACT_INFO").put("dataSourceType", "FIRST_PARTY");
        ObjectNode body = GoogleJson.object();
        body.putArray("operations").addObject().set("create", list);
        return GoogleJson.write(body);
    }

    /** @return an {@code offlineUserDataJobs:create} body for a Customer Match job on the list */
    static String createJob(String userListResourceName) {
        ObjectNode body = GoogleJson.object();
        ObjectNode job = body.putObject("job");
        job.put("type", "CUSTOMER_MATCH_USER_LIST");
        job.putObject("customerMatchUserListMetadata").put("userList", userListResourceName);
        return GoogleJson.write(body);
    }

    /**
     * @param kind   {@code create} to add the users, {@code remove} to remove them
     * @param type   the kind of every hash
     * @param hashes SHA-256 hex hashes, one user each
     * @return an {@code :addOperations} body with one operation per user, partial failure enabled
     *         so one bad identifier does not drop the rest
     */
    static String addOperations(String kind, IdentifierType type, List<String> hashes) {
        String field = identifierField(type);
        ObjectNode body = GoogleJson.object();
        body.put("enablePartialFailure", true);
        ArrayNode operations = body.putArray("operations");
        for (String hash : hashes) {
            operations.addObject().putObject(kind).putArray("userIdentifiers").addObject().put(field, hash);
        }
        return GoogleJson.write(body);
    }

    /** @return the body of {@code :run}, which needs no field */
    static String run() {
        return "{}";
    }

    /**
     * @return {@code hashedEmail} or {@code hashedPhoneNumber}
     * @throws ConnectorException rejected for mobile advertising ids, which Google Ads takes
     *                            unhashed on a separate list type
     */
    static String identifierField(IdentifierType type) {
        return switch (type) {
            case EMAIL_SHA256 -> "hashedEmail";
            case PHONE_SHA256 -> "hashedPhoneNumber";
            case MOBILE_AD_ID_SHA256 -> throw ConnectorException.rejected("Google Ads Customer Match takes mobile"
                    + " advertising ids unhashed, on a MOBILE_ADVERTISING_ID list; hashed ones cannot be uploaded", null);
        };
    }
}
