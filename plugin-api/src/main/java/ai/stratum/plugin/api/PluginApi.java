package ai.stratum.plugin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API, against which the server checks every plugin.
 *
 * <p>Declare the range of API versions your plugin works with in its PF4J descriptor, for example
 * {@code Plugin-Requires: ^1.0.0} in the jar manifest. The server refuses to start a plugin whose
 * range does not contain {@link #VERSION} and reports why. The version follows semantic
 * versioning: a minor release only adds to the API, a major release may change it.
 */
public final class PluginApi {

    /** The version of the plugin API this build provides, for example {@code 1.0.0}. */
    public static final String VERSION = readVersion();

    private PluginApi() {
    }

    // The number lives once, in the parent pom; Maven filters it into this resource.
    private static String readVersion() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing from the plugin API jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plugin API version", e);
        }
    }
}
