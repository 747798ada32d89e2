package ai.stratum.server.ml.eventquality;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A field the platform wants as the SHA-256 of its normalized value: 64 lower-case hex digits. Names the
 * usual mistakes: the plain value sent unhashed, upper-case hex, another hash function, and the hash of
 * an empty string (hashing before the value was filled in).
 */
final class Sha256Check implements ValueCheck {

    static final Sha256Check INSTANCE = new Sha256Check();

    /** SHA-256 of the empty string. */
    static final String EMPTY_STRING_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{7,20}");

    private Sha256Check() {
    }

    @Override
    public Optional<String> problem(String value) {
        if (SHA256.matcher(value).matches()) {
            return value.equals(EMPTY_STRING_HASH)
                    ? Optional.of("is the SHA-256 of an empty string: the value was hashed before it was filled in")
                    : Optional.empty();
        }
        if (EMAIL.matcher(value).matches()) {
            return Optional.of("is a plain email address: send the SHA-256 of the trimmed, lower-cased address"
                    + " as 64 lower-case hex digits");
        }
        if (PHONE.matcher(value).matches()) {
            return Optional.of("is a plain phone number: send the SHA-256 of the normalized number (with its"
                    + " country code) as 64 lower-case hex digits");
        }
        if (HEX.matcher(value).matches()) {
            if (value.length() == 64) {
                return Optional.of("is upper-case hex: send the SHA-256 as 64 lower-case hex digits");
            }
            if (value.length() == 32 || value.length() == 40) {
                return Optional.of("looks like an " + (value.length() == 32 ? "MD5" : "SHA-1")
                        + " hash: the platform wants SHA-256, 64 lower-case hex digits");
            }
        }
        return Optional.of("is not a SHA-256 hash: send the SHA-256 of the normalized value as 64 lower-case hex digits");
    }
}
