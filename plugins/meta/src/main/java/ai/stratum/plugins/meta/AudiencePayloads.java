package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.IdentifierType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code payload} form field of {@code POST} and {@code DELETE /{audience_id}/users}:
 * {@code {"schema":"EMAIL_SHA256","data":["<sha256>", ...]}}, at most {@value #MAX_BATCH}
 * identifiers a call, as Meta's customer-list API allows. The schema names what was hashed:
 * {@code EMAIL_SHA256}, {@code PHONE_SHA256}, or {@code MADID} for mobile advertising ids.
 */
final class AudiencePayloads {

    /** Meta's limit of identifiers per call. */
    static final int MAX_BATCH = 10_000;

    private AudiencePayloads() {
    }

    static String schema(IdentifierType type) {
        return switch (type) {
            case EMAIL_SHA256 -> "EMAIL_SHA256";
            case PHONE_SHA256 -> "PHONE_SHA256";
            case MOBILE_AD_ID_SHA256 -> "MADID";
        };
    }

    /** @return one payload per batch of at most {@value #MAX_BATCH} hashes; none for no hashes */
    static List<String> batches(IdentifierType type, List<String> hashes) {
        List<String> payloads = new ArrayList<>();
        for (int start = 0; start < hashes.size(); start += MAX_BATCH) {
            payloads.add(payload(type, hashes.subList(start, Math.min(hashes.size(), start + MAX_BATCH))));
        }
        return payloads;
    }

    private static String payload(IdentifierType type, List<String> hashes) {
        ObjectNode payload = JsonFields.MAPPER.createObjectNode().put("schema", schema(type));
        ArrayNode data = payload.putArray("data");
        hashes.forEach(data::add);
        return payload.toString();
    }
}
