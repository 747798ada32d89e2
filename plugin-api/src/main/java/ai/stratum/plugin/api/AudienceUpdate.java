package ai.stratum.plugin.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifiers to add to and remove from a platform audience since the last update.
 *
 * @param accountId      the platform's ad account id
 * @param audienceId     the platform's audience id, from {@link AudienceSync#createAudience}
 * @param identifierType the kind of every identifier in this update
 * @param added          SHA-256 hashes to add, lower-case hex
 * @param removed        SHA-256 hashes to remove, lower-case hex
 */
public record AudienceUpdate(
        String accountId,
        String audienceId,
        IdentifierType identifierType,
        List<String> added,
        List<String> removed) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Creates an audience update.
     *
     * @param accountId the platform's ad account id
     * @param audienceId the platform's audience id, from {@link AudienceSync#createAudience}
     * @param identifierType the kind of every identifier in this update
     * @param added SHA-256 hashes to add, lower-case hex
     * @param removed SHA-256 hashes to remove, lower-case hex
     * @throws IllegalArgumentException when an identifier is not lower-case SHA-256 hex
     */
    public AudienceUpdate {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(audienceId, "audienceId");
        Objects.requireNonNull(identifierType, "identifierType");
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        requireHashes(added);
        requireHashes(removed);
    }

    /** Only hashes pass, so no plain identifier ever leaves the host. */
    static void requireHashes(List<String> hashes) {
        for (String hash : hashes) {
            if (!SHA256_HEX.matcher(hash).matches()) {
                // the value itself stays out of the message: it may be a plain identifier
                throw new IllegalArgumentException("audience identifiers must be lower-case SHA-256 hex");
            }
        }
    }
}
