package ai.stratum.server.security;

import ai.stratum.server.config.StratumHome;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The HMAC key that signs tokens: {@code STRATUM_JWT_SECRET} when given, otherwise a random key
 * generated once and kept (owner-readable only) under the home directory, so tokens survive a
 * restart.
 */
public final class JwtSecret {

    static final int MIN_BYTES = 32;

    private JwtSecret() {
    }

    public static byte[] resolve(String configured, StratumHome home) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < MIN_BYTES) {
                throw new IllegalArgumentException(
                        "STRATUM_JWT_SECRET must be at least " + MIN_BYTES + " bytes (HS256 needs a 256-bit key)");
            }
            return key;
        }
        return Base64.getDecoder().decode(home.secret("jwt-secret", 64));
    }
}
