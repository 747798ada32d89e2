package ai.stratum.plugin.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One CRM object as the CRM holds it.
 *
 * <p>Properties stay a map of names to values because every CRM account defines its own fields;
 * the host maps the ones it knows (email, phone, amount, stage) into its identity graph.
 *
 * @param type       the kind of object
 * @param id         the CRM's id of the object
 * @param modifiedAt when the CRM last changed it
 * @param properties its fields by the CRM's internal names, values as the CRM's API renders them
 */
public record CrmRecord(CrmObjectType type, String id, Instant modifiedAt, Map<String, String> properties) {

    /**
     * Creates a CRM record.
     *
     * @param type the kind of object
     * @param id the CRM's id of the object
     * @param modifiedAt when the CRM last changed it
     * @param properties its fields by the CRM's internal names, values as the CRM's API renders them
     */
    public CrmRecord {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        properties = Map.copyOf(properties);
    }
}
