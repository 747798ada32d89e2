package ai.stratum.server.connectors;

import ai.stratum.server.config.StratumHome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The AES-256 key that seals connection credentials: {@code STRATUM_SECRET_KEY} (the base64 of
 * exactly 32 bytes) when set, otherwise a random key generated once and kept, owner-readable only,
 * at {@code $STRATUM_HOME/secrets/credentials-key}, like the JWT secret. Several instances must
 * share one key: set the same {@code STRATUM_SECRET_KEY} on each.
 *
 * <p>The {@link #id()} is a fingerprint stored beside each ciphertext, so credentials sealed under
 * another key are reported as such rather than as tampered.
 */
public final class CredentialKey {

    static final int KEY_BYTES = 32;
    static final String VARIABLE = "STRATUM_SECRET_KEY";
    private static final String FILE = "credentials-key";

    private final byte[] bytes;
    private final String id;

    CredentialKey(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
        this.id = fingerprint(bytes);
    }

    /**
     * @param configured the value of {@code STRATUM_SECRET_KEY}; blank when not set
     * @param home       where a generated key is kept
     * @throws IllegalArgumentException when the configured or stored key is not the base64 of 32 bytes
     */
    public static CredentialKey resolve(String configured, StratumHome home) {
        if (configured != null && !configured.isBlank()) {
            return new CredentialKey(decode(configured.strip(), VARIABLE));
        }
        return new CredentialKey(decode(home.secret(FILE, KEY_BYTES), "The credentials key in "
                + home.path().resolve("secrets").resolve(FILE)));
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** @return a fingerprint of the key (not the key), for example {@code 3f2a9c01d4e5b6a7} */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "CredentialKey[id=" + id + "]";
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not valid base64; it must be the base64 of exactly "
                    + KEY_BYTES + " random bytes (for example the output of: openssl rand -base64 32)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(source + " decodes to " + key.length + " bytes; AES-256 needs exactly "
                    + KEY_BYTES + " (for example the output of: openssl rand -base64 32)");
        }
        return key;
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("stratum-credentials-key-id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
