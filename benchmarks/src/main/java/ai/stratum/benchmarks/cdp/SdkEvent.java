package ai.stratum.benchmarks.cdp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One call as an analytics SDK sends it in a {@code /v1/batch} body (Segment spec): {@code type}
 * is {@code track}, {@code identify} or {@code page}; {@code name} is the track call's event name or
 * the page's name.
 */
public record SdkEvent(String type, String messageId, String anonymousId, Optional<String> userId, Optional<String> name,
                       Map<String, Object> properties, Map<String, Object> traits, Map<String, Object> context,
                       Instant originalTimestamp, Instant sentAt) {

    /** The event as JSON, the fields an SDK sends and nothing else. */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("messageId", messageId);
        json.put("anonymousId", anonymousId);
        userId.ifPresent(id -> json.put("userId", id));
        name.ifPresent(value -> json.put(type.equals("track") ? "event" : "name", value));
        if (!properties.isEmpty()) {
            json.put("properties", properties);
        }
        if (!traits.isEmpty()) {
            json.put("traits", traits);
        }
        json.put("context", context);
        json.put("timestamp", originalTimestamp.toString());
        json.put("sentAt", sentAt.toString());
        return JsonText.of(json);
    }
}
