package ai.stratum.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
