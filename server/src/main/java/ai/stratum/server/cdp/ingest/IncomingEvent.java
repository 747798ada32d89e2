package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.identity.EventIdentity;
import ai.stratum.server.cdp.identity.Identifier;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event that passed validation, in the shape it is stored in. JSON objects are maps of JSON
 * values, as decoded.
 *
 * @param index             its position in the request
 * @param timestamp         when it happened, corrected for the device's clock ({@link EventTimestamps})
 * @param originalTimestamp the {@code timestamp} the device sent
 * @param identifiers       the identifiers it carries, normalized (an alias's previousId apart)
 * @param order             present when it is an order event
 */
public record IncomingEvent(int index, EventType type, String messageId, Optional<String> anonymousId, Optional<String> userId,
                            Optional<String> event, Optional<String> name, Optional<String> previousId, Optional<String> groupId,
                            Map<String, Object> properties, Map<String, Object> traits, Map<String, Object> context,
                            Map<String, Object> integrations, Instant timestamp, Optional<Instant> originalTimestamp,
                            Optional<Instant> sentAt, Instant receivedAt, List<Identifier> identifiers, Optional<OrderFacts> order) {

    public IncomingEvent {
        identifiers = List.copyOf(identifiers);
    }

    /**
     * The traits this event says about the person: an identify call's traits, and on any call
     * the {@code context.traits} the SDK attached. A group call's own traits describe the group.
     */
    public Map<String, Object> profileTraits() {
        return profileTraits(type, traits, context);
    }

    static Map<String, Object> profileTraits(EventType type, Map<String, Object> traits, Map<String, Object> context) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (context.get("traits") instanceof Map<?, ?> contextTraits) {
            contextTraits.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        if (type == EventType.IDENTIFY) {
            merged.putAll(traits);
        }
        return merged;
    }

    public EventIdentity identity() {
        return new EventIdentity(identifiers, type == EventType.ALIAS ? previousId : Optional.empty(), timestamp);
    }
}
