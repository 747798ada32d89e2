package ai.stratum.server.cdp.identity;

import java.util.UUID;

/**
 * Profile {@code merged} became part of {@code survivor} (the older of the two) because event
 * {@code eventIndex} of the batch carried {@code linkedBy}, an identifier of the merged profile.
 */
public record Merge(int eventIndex, UUID survivor, UUID merged, Identifier linkedBy, MergeReason reason) {
}
