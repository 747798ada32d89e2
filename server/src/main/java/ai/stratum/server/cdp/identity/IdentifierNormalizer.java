package ai.stratum.server.cdp.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brings identifiers to the one form the graph stores, so the same person's e-mail typed twice
 * differently is one identifier. Values that cannot be an identifier of their type are empty:
 * they stay traits, they do not link profiles.
 */
public final class IdentifierNormalizer {

    /** The longest identifier value kept; longer ones are refused as input. */
    public static final int MAX_LENGTH = 512;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE_PUNCTUATION = Pattern.compile("[\\s().\\-/]");
    private static final Pattern DIGITS = Pattern.compile("^[0-9]{7,15}$");

    private IdentifierNormalizer() {
    }

    /** The identifier of {@code type} a client-supplied value stands for, if it can be one. */
    public static Optional<Identifier> normalize(IdentifierType type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Optional<String> value = switch (type) {
            case EMAIL -> email(raw);
            case PHONE -> phone(raw);
            case USER_ID, ANONYMOUS_ID -> plain(raw);
            case EXTERNAL_ID, CLICK_ID -> prefixed(raw);
        };
        return value.map(v -> new Identifier(type, v));
    }

    /** Trimmed and lower-cased; something@domain.tld. */
    public static Optional<String> email(String raw) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !EMAIL.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * E.164 where the number says its country: spaces, dots, dashes, slashes and brackets removed,
     * a leading {@code 00} read as {@code +}, then {@code +} and 7 to 15 digits. A number without
     * a country code keeps its digits without {@code +}: which country it belongs to is not ours to guess.
     */
    public static Optional<String> phone(String raw) {
        String compact = PHONE_PUNCTUATION.matcher(raw.strip()).replaceAll("");
        boolean international = compact.startsWith("+") || compact.startsWith("00");
        String digits = compact.startsWith("+") ? compact.substring(1) : compact.startsWith("00") ? compact.substring(2) : compact;
        if (!DIGITS.matcher(digits).matches()) {
            return Optional.empty();
        }
        return Optional.of(international ? "+" + digits : digits);
    }

    /** Ids are compared exactly, only trimmed: "User-1" and "user-1" are different users in most systems. */
    public static Optional<String> plain(String raw) {
        String value = raw.strip();
        return value.isEmpty() || value.length() > MAX_LENGTH ? Optional.empty() : Optional.of(value);
    }

    /** {@code <kind>:<id>}, the kind lower-cased, both parts trimmed and non-empty. */
    public static Optional<String> prefixed(String raw) {
        int colon = raw.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return prefixed(raw.substring(0, colon), raw.substring(colon + 1));
    }

    public static Optional<String> prefixed(String kind, String id) {
        String k = kind.strip().toLowerCase(Locale.ROOT);
        String v = id.strip();
        if (k.isEmpty() || v.isEmpty() || k.length() + v.length() + 1 > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(k + ":" + v);
    }
}
