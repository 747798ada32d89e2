package ai.stratum.server.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every {@code schema/*.graphqls} on the classpath (the schema module's jar, or its
 * classes directory in a build), in name order so the merged schema is the same on every start.
 */
final class SchemaFiles {

    private static final String DIRECTORY = "schema";

    private SchemaFiles() {
    }

    static Map<String, String> load(ClassLoader classLoader) {
        Map<String, String> files = new TreeMap<>();
        try {
            for (URL root : Collections.list(classLoader.getResources(DIRECTORY))) {
                files.putAll(read(root.toURI()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the GraphQL schema files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unreadable schema location", e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No schema/*.graphqls found on the classpath");
        }
        return files;
    }

    private static Map<String, String> read(URI root) throws IOException {
        if ("jar".equals(root.getScheme())) {
            FileSystem jar;
            try {
                jar = FileSystems.newFileSystem(root, Map.of());
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(root);
            }
            return readDirectory(jar.getPath(DIRECTORY));
        }
        return readDirectory(Path.of(root));
    }

    private static Map<String, String> readDirectory(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(path -> path.getFileName().toString().endsWith(".graphqls")).forEach(paths::add);
        }
        for (Path path : paths) {
            try (InputStream in = Files.newInputStream(path)) {
                files.put(path.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
