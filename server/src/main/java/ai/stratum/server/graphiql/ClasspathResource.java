package ai.stratum.server.graphiql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a file the server ships on its class path; a missing one is a broken build. */
final class ClasspathResource {

    private ClasspathResource() {
    }

    static byte[] read(String path) {
        try (InputStream in = ClasspathResource.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the class path: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from the class path", e);
        }
    }
}
