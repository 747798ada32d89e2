package ai.stratum.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API keys look like {@code stratum_<lookup>_<secret>}: the lookup part finds the stored row, the
 * 256-bit secret is kept only as a SHA-256 hash. A slow hash adds nothing for a secret with that
 * much entropy, and a fast one keeps key checks cheap on every request.
 */
public final class ApiKeyCodec {

    private static final String PREFIX = "stratum_";
    private static final Pattern FORMAT = Pattern.compile("^stratum_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$");

    private final SecureRandom random = new SecureRandom();

    public NewKey generate() {
        byte[] lookup = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(lookup);
        random.nextBytes(secret);
        String lookupText = HexFormat.of().formatHex(lookup);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(PREFIX + lookupText + "_" + secretText, lookupText, hash(secretText));
    }

    public static boolean looksLikeApiKey(String credential) {
        return credential.startsWith(PREFIX);
    }

    public static Optional<ParsedKey> parse(String key) {
        var matcher = FORMAT.matcher(key);
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
