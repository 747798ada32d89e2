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
 * Secrets people paste into other software, shaped {@code <prefix><lookup>_<secret>}: the lookup
 * (16 hex digits) finds the stored row, the 256-bit secret is kept only as a SHA-256 hash. A slow
 * hash adds nothing for a secret with that much entropy, and a fast one keeps the check cheap on
 * every request. Only URL-safe characters, so a key survives HTTP Basic encoding and SDK configs.
 */
public final class LookupKeys {

    /** API keys: {@code stratum_<lookup>_<secret>}. */
    public static final LookupKeys API_KEYS = new LookupKeys("stratum_");
    /** Event sources' write keys: {@code wk_<lookup>_<secret>}. */
    public static final LookupKeys WRITE_KEYS = new LookupKeys("wk_");

    private final String prefix;
    private final Pattern format;
    private final SecureRandom random = new SecureRandom();

    private LookupKeys(String prefix) {
        this.prefix = prefix;
        this.format = Pattern.compile("^" + Pattern.quote(prefix) + "([0-9a-f]{16})_([A-Za-z0-9_-]{43})$");
    }

    /** @return a fresh key */
    public NewKey generate() {
        byte[] lookup = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(lookup);
        random.nextBytes(secret);
        String lookupText = HexFormat.of().formatHex(lookup);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(prefix + lookupText + "_" + secretText, lookupText, hash(secretText));
    }

    /** @return whether the credential carries this kind's prefix (it may still be malformed) */
    public boolean claims(String credential) {
        return credential.startsWith(prefix);
    }

    /** @return the key's lookup and the hash of its secret; empty when it is not a well-formed key of this kind */
    public Optional<ParsedKey> parse(String key) {
        var matcher = format.matcher(key.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ParsedKey(matcher.group(1), hash(matcher.group(2))));
    }

    /** @return whether two secret hashes are equal, in constant time */
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

    /** A presented key, as far as it can be read without the database. */
    public record ParsedKey(String lookup, byte[] secretHash) {
    }
}
