package ai.stratum.server.cdp.ingest;

import java.util.Optional;

/**
 * Why one event of a request was not stored. The rest of the request is unaffected.
 *
 * @param index     the event's position in the request (0 for a single-event call)
 * @param messageId the event's messageId, when it had a readable one
 * @param field     the offending field, relative to the event ({@code userId}, {@code properties.revenue}),
 *                  or empty when the event as a whole is at fault
 */
public record EventError(int index, Optional<String> messageId, Optional<String> field, String message) {
}
