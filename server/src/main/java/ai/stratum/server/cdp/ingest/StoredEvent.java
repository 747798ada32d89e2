package ai.stratum.server.cdp.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An event as stored. {@code profileId} may name a merged profile until the background job moves it. */
public record StoredEvent(UUID id, EventType type, UUID sourceId, String messageId, UUID profileId, Optional<String> event,
                          Optional<String> name, Optional<String> anonymousId, Optional<String> userId, Optional<String> previousId,
                          Optional<String> groupId, Instant timestamp, Optional<Instant> originalTimestamp, Optional<Instant> sentAt,
                          Instant receivedAt, Map<String, Object> properties, Map<String, Object> traits, Map<String, Object> context,
                          Map<String, Object> integrations) {
}
