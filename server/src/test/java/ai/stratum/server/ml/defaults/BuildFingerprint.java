package ai.stratum.server.ml.defaults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the default models depend on, as one SHA-256: the class files of the ML engine's models and
 * training (main and test, so the data generators count) and of the sandbox simulator, from class
 * directories or jars; the dataset; the file name, which carries the version, of every other jar on the
 * class path; and the JDK's version.
 */
final class BuildFingerprint {

    private static final List<String> PREFIXES = List.of("ai/stratum/server/ml/roas/", "ai/stratum/server/ml/conversion/",
            "ai/stratum/server/ml/training/", "ai/stratum/server/ml/fatigue/", "ai/stratum/server/ml/defaults/",
            "ai/stratum/server/ml/InvalidMlInputException", "ai/stratum/server/ml/models/DefaultModels",
            "ai/stratum/sandbox/simulation/", "ai/stratum/plugin/api/", "datasets/");

    private BuildFingerprint() {
    }

    static String ofClassPath() {
        MessageDigest digest = sha256();
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)));
        Collections.sort(entries);
        for (String entry : entries) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                directory(path, digest);
            } else if (Files.isRegularFile(path) && path.getFileName().toString().startsWith("stratum-")) {
                jar(path, digest);
            } else {
                digest.update(path.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        digest.update(System.getProperty("java.version").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void directory(Path root, MessageDigest digest) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (relevant(name)) {
                    digest.update(name.getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void jar(Path jarPath, MessageDigest digest) {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            List<JarEntry> entries = Collections.list(jar.entries());
            entries.sort(java.util.Comparator.comparing(JarEntry::getName));
            for (JarEntry entry : entries) {
                if (!entry.isDirectory() && relevant(entry.getName())) {
                    digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                    try (InputStream in = jar.getInputStream(entry)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean relevant(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
