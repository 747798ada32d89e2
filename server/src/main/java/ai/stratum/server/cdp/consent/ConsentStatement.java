package ai.stratum.server.cdp.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One statement of a person's choice for one purpose.
 *
 * @param statedAt  when it was made: the event's timestamp, or the time given to {@code setConsent}
 * @param sourceId  EVENT: the event's source
 * @param messageId EVENT: the event's messageId
 * @param setBy     API: the user who set it
 */
public record ConsentStatement(ConsentPurpose purpose, boolean granted, ConsentSource source, Instant statedAt, Optional<UUID> sourceId,
                               Optional<String> messageId, Optional<UUID> setBy) {

    public ConsentStatement {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statedAt, "statedAt");
    }

    /** Whether this statement replaces {@code stored}: it is not older. At the same instant the later-recorded one wins. */
    public boolean supersedes(ConsentStatement stored) {
        return !statedAt.isBefore(stored.statedAt);
    }
}
