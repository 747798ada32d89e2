package ai.stratum.server.cdp.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code /v1/batch} body says for all its events: the {@code sentAt} of the whole batch
 * (Analytics.js sets it only there), and a {@code context} and {@code integrations} that each
 * event's own override key by key.
 */
public record BatchDefaults(Optional<Instant> sentAt, Map<String, Object> context, Map<String, Object> integrations) {

    public static final BatchDefaults NONE = new BatchDefaults(Optional.empty(), Map.of(), Map.of());
}
