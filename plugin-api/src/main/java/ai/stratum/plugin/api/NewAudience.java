package ai.stratum.plugin.api;

import java.util.List;
import java.util.Objects;

/**
 * A customer-list audience to create, with its first members.
 *
 * @param accountId      the platform's ad account id
 * @param name           the audience name people see on the platform
 * @param identifierType the kind of every identifier the audience will hold
 * @param members        its first members: SHA-256 hashes, lower-case hex, at least one
 */
public record NewAudience(String accountId, String name, IdentifierType identifierType, List<String> members) {

    /**
     * Creates an audience definition.
     *
     * @param accountId the platform's ad account id
     * @param name the audience name people see on the platform
     * @param identifierType the kind of every identifier the audience will hold
     * @param members its first members: SHA-256 hashes, lower-case hex, at least one
     * @throws IllegalArgumentException when the name is blank, there is no member, or a member is not a hash
     */
    public NewAudience {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifierType, "identifierType");
        members = List.copyOf(members);
        if (name.isBlank()) {
            throw new IllegalArgumentException("an audience needs a name");
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an audience is created with at least one member");
        }
        AudienceUpdate.requireHashes(members);
    }
}
