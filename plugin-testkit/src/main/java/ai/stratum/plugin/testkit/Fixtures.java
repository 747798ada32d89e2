package ai.stratum.plugin.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads wire-format fixtures from the test class path, for example {@code fixtures/meta/campaigns.list.json}. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * @param path the fixture's path under {@code fixtures/} on the class path, for example
     *             {@code meta/campaigns.list.json}
     * @return its text
     * @throws IllegalArgumentException when there is no such fixture
     */
    public static String read(String path) {
        String resource = "fixtures/" + path;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture on the class path at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
