package ai.stratum.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The directory where a zero-configuration server keeps its state: the embedded database, the
 * generated JWT secret. {@code STRATUM_HOME}, or {@code ~/.stratum}.
 */
public record StratumHome(Path path) {

    public static StratumHome from(Map<String, String> env) {
        String configured = env.get("STRATUM_HOME");
        Path path = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".stratum")
                : Path.of(configured);
        return new StratumHome(path.toAbsolutePath().normalize());
    }

    /**
     * A random secret kept in {@code secrets/<name>}, owner-readable only: created on first use, so
     * it survives restarts, and read back by every later start (or by another instance sharing the
     * home directory, which may have created it first).
     *
     * @param name        the file name
     * @param randomBytes how many random bytes a new secret has
     * @return the secret as stored: the base64 of its bytes
     */
    public String secret(String name, int randomBytes) {
        Path file = directory("secrets").resolve(name);
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[randomBytes];
                new SecureRandom().nextBytes(secret);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, Base64.getEncoder().encodeToString(secret));
                } catch (FileAlreadyExistsException raced) {
                    // another instance created it first; read theirs below
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret at " + file, e);
        }
    }

    /** A sub-directory, created if missing. */
    public Path directory(String name) {
        Path dir = path.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        return dir;
    }
}
