package ai.stratum.server.cdp.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Write keys look like {@code wk_<lookup>_<secret>}, as API keys do ({@code ai.stratum.server.security.ApiKeyCodec}):
 * the lookup finds the source, the 256-bit secret is kept only as a SHA-256 hash. A fast hash is
 * right for a secret with that much entropy, and a write key is checked on every tracking request.
 * Only URL-safe characters, so the key survives HTTP Basic encoding and being pasted into SDK configs.
 */
public final class WriteKeys {

    private static final Pattern FORMAT = Pattern.compile("^wk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$");

    private final SecureRandom random = new SecureRandom();

    public NewKey generate() {
        byte[] lookup = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(lookup);
        random.nextBytes(secret);
        String lookupText = HexFormat.of().formatHex(lookup);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey("wk_" + lookupText + "_" + secretText, lookupText, hash(secretText));
    }

    public static Optional<ParsedKey> parse(String key) {
        var matcher = FORMAT.matcher(key.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(matcher.group(1), hash(matcher.group(2))));
    }

    public static boolean sameHash(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A fresh key: {@code plaintext} is shown once and never stored. */
    public record NewKey(String plaintext, String lookup, byte[] secretHash) {
    }

    public record ParsedKey(String lookup, byte[] secretHash) {
    }
}
