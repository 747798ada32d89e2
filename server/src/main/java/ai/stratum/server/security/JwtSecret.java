package ai.stratum.server.security;

import ai.stratum.server.config.StratumHome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
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
        return loadOrCreate(home.directory("secrets").resolve("jwt-secret"));
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[64];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(key));
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first; read theirs below
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the JWT secret at " + file, e);
        }
    }
}
