package ai.stratum.server.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads every {@code schema/*.graphqls} on the classpath (the schema module's jar, or its
 * classes directory in a build), in name order so the merged schema is the same on every start.
 */
final class SchemaFiles {

    private static final String DIRECTORY = "schema/";
    private static final String SUFFIX = ".graphqls";

    private SchemaFiles() {
    }

    static Map<String, String> load(ClassLoader classLoader) {
        Map<String, String> files = new TreeMap<>();
        try {
            for (URL root : Collections.list(classLoader.getResources("schema"))) {
                files.putAll("jar".equals(root.getProtocol()) ? readJar(root) : readDirectory(Path.of(root.toURI())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the GraphQL schema files", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unreadable schema location", e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("No schema/*.graphqls found on the classpath");
        }
        return files;
    }

    private static Map<String, String> readJar(URL root) throws IOException {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        // a private, freshly opened copy: the JVM-wide cached one may describe an older jar
        connection.setUseCaches(false);
        Map<String, String> files = new TreeMap<>();
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (name.startsWith(DIRECTORY) && name.endsWith(SUFFIX) && name.indexOf('/', DIRECTORY.length()) < 0) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(name.substring(DIRECTORY.length()), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return files;
    }

    private static Map<String, String> readDirectory(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path path : (Iterable<Path>) listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX))::iterator) {
                files.put(path.getFileName().toString(), Files.readString(path));
            }
        }
        return files;
    }
}
