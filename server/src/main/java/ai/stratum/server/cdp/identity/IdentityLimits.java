package ai.stratum.server.cdp.identity;

import java.util.Optional;

/**
 * The configured caps (see {@link IdentityLimit}); each at least 1, because a profile must be able
 * to hold the identifier that created it.
 */
public record IdentityLimits(int maxUserIds, int maxEmails, int maxPhones) {

    public IdentityLimits {
        for (IdentityLimit limit : IdentityLimit.values()) {
            int value = switch (limit) {
                case MAX_USER_IDS_PER_PROFILE -> maxUserIds;
                case MAX_EMAILS_PER_PROFILE -> maxEmails;
                case MAX_PHONES_PER_PROFILE -> maxPhones;
            };
            if (value < 1) {
                throw new IllegalArgumentException(limit.variable() + " must be at least 1 (was " + value + ")");
            }
        }
    }

    public int max(IdentityLimit limit) {
        return switch (limit) {
            case MAX_USER_IDS_PER_PROFILE -> maxUserIds;
            case MAX_EMAILS_PER_PROFILE -> maxEmails;
            case MAX_PHONES_PER_PROFILE -> maxPhones;
        };
    }

    /** The first cap that {@code counts} goes over, if any. */
    public Optional<IdentityLimit> exceededBy(IdentifierCounts counts) {
        for (IdentityLimit limit : IdentityLimit.values()) {
            if (counts.of(limit.type()) > max(limit)) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }
}
