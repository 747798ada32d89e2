package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.IdentifierType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of Snap Audience Match (customer list) requests.
 *
 * <ul>
 *   <li>A new segment: {@code {"segments": [{name, source_type: "FIRST_PARTY", retention_in_days,
 *       ad_account_id}]}}, kept for Snap's "lifetime" ({@value #RETENTION_LIFETIME_DAYS} days).</li>
 *   <li>Identifiers to add or remove: {@code {"users": [{"schema": ["EMAIL_SHA256"], "data":
 *       [["<hash>"], ...]}]}}, at most {@value #MAX_IDENTIFIERS_PER_REQUEST} identifiers per request,
 *       Snap's limit for one upload.</li>
 * </ul>
 */
final class AudienceRequests {

    static final int MAX_IDENTIFIERS_PER_REQUEST = 100_000;
    static final int RETENTION_LIFETIME_DAYS = 9999;

    private AudienceRequests() {
    }

    static ObjectNode newSegment(String adAccountId, String name) {
        ObjectNode body = SnapJson.MAPPER.createObjectNode();
        ObjectNode segment = body.putArray("segments").addObject();
        segment.put("name", name);
        segment.put("source_type", "FIRST_PARTY");
        segment.put("retention_in_days", RETENTION_LIFETIME_DAYS);
        segment.put("ad_account_id", adAccountId);
        return body;
    }

    static ObjectNode users(IdentifierType type, List<String> hashes) {
        ObjectNode body = SnapJson.MAPPER.createObjectNode();
        ObjectNode users = body.putArray("users").addObject();
        users.putArray("schema").add(schema(type));
        ArrayNode data = users.putArray("data");
        hashes.forEach(hash -> data.addArray().add(hash));
        return body;
    }

    /** Snap's schema name of a hashed identifier. */
    static String schema(IdentifierType type) {
        return switch (type) {
            case EMAIL_SHA256 -> "EMAIL_SHA256";
            case PHONE_SHA256 -> "PHONE_SHA256";
            case MOBILE_AD_ID_SHA256 -> "MOBILE_AD_ID_SHA256";
        };
    }

    /** The identifiers in batches of at most {@code size}. */
    static List<List<String>> batches(List<String> hashes, int size) {
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start < hashes.size(); start += size) {
            batches.add(hashes.subList(start, Math.min(start + size, hashes.size())));
        }
        return batches;
    }
}
