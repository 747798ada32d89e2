package ai.stratum.server.cdp.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an event happened, corrected for the sending device's clock as the Segment spec does it:
 * {@code timestamp = receivedAt - (sentAt - originalTimestamp)}. The device's clock may be off by
 * hours, but the time between the event and its sending is measured on that one clock, and
 * {@code sentAt} and {@code receivedAt} are the same moment give or take the network.
 *
 * <p>Without {@code sentAt} the event's own timestamp is taken as it is (a server-side import of
 * history); without any timestamp the event happened when it was received.
 */
public final class EventTimestamps {

    private EventTimestamps() {
    }

    public static Instant corrected(Optional<Instant> original, Optional<Instant> sentAt, Instant receivedAt) {
        if (original.isEmpty()) {
            return receivedAt;
        }
        if (sentAt.isEmpty()) {
            return original.get();
        }
        return receivedAt.minus(Duration.between(original.get(), sentAt.get()));
    }
}
