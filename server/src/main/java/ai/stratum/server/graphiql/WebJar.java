package ai.stratum.server.graphiql;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * An npm WebJar on the class path. Its version is read from the jar's own Maven metadata, so
 * the server pom stays the one place that names it and an upgrade needs no code change.
 */
record WebJar(String name, String version) {

    static WebJar locate(String name) {
        String metadata = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        Properties properties = new Properties();
        try {
            properties.load(new ByteArrayInputStream(ClasspathResource.read(metadata)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + metadata, e);
        }
        String version = properties.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException(metadata + " names no version");
        }
        return new WebJar(name, version);
    }

    /** The file's bytes, read from the jar. */
    byte[] read(String file) {
        return ClasspathResource.read("META-INF/resources/webjars/" + name + "/" + version + "/" + file);
    }

    /** Where the file is served: its WebJar's layout, version included. */
    String servedPath(String file) {
        return name + "/" + version + "/" + file;
    }
}
