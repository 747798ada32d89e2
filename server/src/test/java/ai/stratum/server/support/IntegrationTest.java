package ai.stratum.server.support;

import ai.stratum.server.RuntimeProperties;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Base of tests that run the whole server on a random port against this run's own database.
 * Subclasses add {@code @MicronautTest}; the class-level lifecycle lets them share set-up data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class IntegrationTest implements TestPropertyProvider {

    public static final String ADMIN_EMAIL = "admin@stratum.test";
    public static final String ADMIN_PASSWORD = "correct-horse-battery-staple";

    @Inject
    protected EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>();
        RuntimeProperties.database(TestDatabase.url()).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        try {
            properties.put("stratum.home", Files.createTempDirectory("stratum-home").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("micronaut.server.port", "-1");
        // every test class runs a server of its own against the one test database: small pools keep
        // the run (and parallel runs on one machine) well inside PostgreSQL's connection limit
        properties.put("r2dbc.datasources.default.options.maxSize", "4");
        properties.put("r2dbc.datasources.default.options.initialSize", "1");
        properties.put("stratum.admin.email", ADMIN_EMAIL);
        properties.put("stratum.admin.password", ADMIN_PASSWORD);
        // the half-hourly autopilot would act on other tests' tenants mid-test; tests run it explicitly
        properties.put("stratum.autopilot.enabled", "false");
        // likewise the scheduled connector syncs; tests start syncs explicitly
        properties.put("stratum.sync.enabled", "false");
        // and the ML schedules (forecasts, fatigue scores, half-hourly anomaly scans); tests run their jobs explicitly
        properties.put("stratum.ml.schedules.enabled", "false");
        properties.putAll(extraProperties());
        return properties;
    }

    /** Per-test configuration on top of the defaults. */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    protected GraphQLClient graphql() {
        return new GraphQLClient(server.getURI());
    }

    protected String loginAsAdmin() {
        return login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    protected String login(String email, String password) {
        return graphql().execute("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
                        Map.of("e", email, "p", password))
                .assertNoErrors()
                .data("login.token");
    }

    /** A name no other test in this run uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
