package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.Platform;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What one kind of platform audience is keyed on, and how a stored CDP identifier becomes the text
 * the platform hashes. E-mails are stored trimmed and lower-cased, which is what every platform
 * asks. Phones are sent only when they carry their country code (stored as {@code +} and digits):
 * a number without one cannot be matched and is not guessed. Meta and Snapchat hash the digits
 * with the country code and no {@code +}; Google Ads and TikTok hash the E.164 form, {@code +}
 * included.
 *
 * @param type       the plugin API's identifier type of the audience
 * @param cdpType    the identity graph's type its values come from
 * @param keepsPlus  for phones: whether the {@code +} is hashed too
 */
record AudienceKey(IdentifierType type, String cdpType, boolean keepsPlus) {

    /** @return the audiences Stratum keeps per segment on an account of the platform, e-mail first */
    static List<AudienceKey> of(Platform platform) {
        boolean e164 = platform == Platform.GOOGLE || platform == Platform.TIKTOK;
        return List.of(new AudienceKey(IdentifierType.EMAIL_SHA256, "EMAIL", false),
                new AudienceKey(IdentifierType.PHONE_SHA256, "PHONE", e164));
    }

    /**
     * The text hashed for a stored identifier value of {@link #cdpType}, the same rule as {@link #sqlHashInput}.
     *
     * @return empty when the value cannot key this audience (a phone without its country code)
     */
    Optional<String> hashInput(String storedValue) {
        if (type != IdentifierType.PHONE_SHA256) {
            return Optional.of(storedValue);
        }
        if (!storedValue.startsWith("+")) {
            return Optional.empty();
        }
        return Optional.of(keepsPlus ? storedValue : storedValue.substring(1));
    }

    /** The SQL of {@link #hashInput} over {@code cdp_identifiers i}; pair with {@link #sqlCondition}. */
    String sqlHashInput() {
        return type == IdentifierType.PHONE_SHA256 && !keepsPlus ? "substr(i.value, 2)" : "i.value";
    }

    /** The SQL condition an identifier {@code i} of {@link #cdpType} meets to key this audience. */
    String sqlCondition() {
        return type == IdentifierType.PHONE_SHA256 ? "i.value LIKE '+%'" : "TRUE";
    }

    /**
     * @return how people see the audience on the platform, e.g. {@code Stratum · Loyal buyers · e-mail · 1f0c9a2e}:
     *         the segment id's start keeps it unique, as Google Ads wants of user list names, when two
     *         segments share a name
     */
    String audienceName(String segmentName, UUID segmentId) {
        return "Stratum · " + segmentName + " · " + (type == IdentifierType.EMAIL_SHA256 ? "e-mail" : "phone") + " · "
                + segmentId.toString().substring(0, 8);
    }
}
