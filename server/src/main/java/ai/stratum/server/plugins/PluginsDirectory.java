package ai.stratum.server.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the plugins are, and which entries of that directory are plugins.
 *
 * <p>The configured directory ({@code stratum.plugins.dir}, from {@code STRATUM_PLUGINS_DIR})
 * wins. Otherwise the build's layout is used: the {@code plugins} folder next to the server jar
 * ({@code server/target/plugins}, where the build copies the five plugin jars), which is also
 * next to {@code target/classes} when the server runs from classes; failing that,
 * {@code server/target/plugins} under the working directory.
 */
final class PluginsDirectory {

    private PluginsDirectory() {
    }

    /** The plugins directory for the running server. */
    static Path resolve(String configured) {
        return resolve(configured, serverCodeSource(), Path.of("").toAbsolutePath());
    }

    /**
     * The plugins directory.
     *
     * @param configured       the configured directory; blank when not configured
     * @param serverCodeSource the server jar, or its classes directory
     * @param workingDirectory the process's working directory
     */
    static Path resolve(String configured, Optional<Path> serverCodeSource, Path workingDirectory) {
        if (configured != null && !configured.isBlank()) {
            return workingDirectory.resolve(configured.trim()).normalize();
        }
        if (serverCodeSource.isPresent()) {
            Path source = serverCodeSource.get().toAbsolutePath();
            Path besideSource = source.getParent().resolve("plugins");
            if (Files.isRegularFile(source) || Files.isDirectory(besideSource)) {
                return besideSource;
            }
        }
        return workingDirectory.resolve(Path.of("server", "target", "plugins")).normalize();
    }

    /**
     * The entries PF4J can load, in file-name order: jar files and plugin directories. Other files
     * (PF4J's {@code enabled.txt} and {@code disabled.txt}, notes) and hidden entries are skipped.
     *
     * @return the candidates; empty when the directory does not exist
     * @throws IOException when the directory exists but cannot be listed
     */
    static List<Path> candidates(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries
                    .filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .filter(entry -> Files.isDirectory(entry) || isJar(entry))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isJar(Path entry) {
        return Files.isRegularFile(entry) && entry.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    private static Optional<Path> serverCodeSource() {
        CodeSource codeSource = PluginsDirectory.class.getProtectionDomain().getCodeSource();
        if (codeSource == null || codeSource.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(codeSource.getLocation().toURI()));
        } catch (Exception e) {
            // not a file location (a nested or remote jar): the working-directory fallback applies
            return Optional.empty();
        }
    }
}
