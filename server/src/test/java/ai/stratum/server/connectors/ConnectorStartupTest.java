package ai.stratum.server.connectors;

import ai.stratum.server.RuntimeProperties;
import ai.stratum.server.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A misconfigured connector setting stops the server at start, with a message naming the variable. */
class ConnectorStartupTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "stratum.secret-key                  | c2hvcnQ=                          | STRATUM_SECRET_KEY decodes to 5 bytes",
            "stratum.secret-key                  | not base64!                       | STRATUM_SECRET_KEY is not valid base64",
            "stratum.platforms.meta.base-url     | https://graph.facebook.com/v25.0  | STRATUM_META_BASE_URL must be scheme, host and port only",
            "stratum.platforms.google-ads.oauth-base-url | oauth2.googleapis.com     | STRATUM_GOOGLE_ADS_OAUTH_BASE_URL must be scheme, host and port only",
            "stratum.sync.lookback-days          | 0                                 | STRATUM_SYNC_LOOKBACK_DAYS must be 1 to 400",
            "stratum.sync.interval               | 10s                               | STRATUM_SYNC_INTERVAL must be at least 1m"})
    void refusesToStart(String property, String value, String message, @TempDir Path home) {
        Map<String, Object> properties = new HashMap<>(RuntimeProperties.database(TestDatabase.url()));
        properties.put("stratum.home", home.toString());
        properties.put("stratum.autopilot.enabled", "false");
        properties.put("stratum.sync.enabled", "false");
        properties.put(property, value);

        Throwable failure = catchThrowable(() -> ApplicationContext.run(properties).close());

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains(message);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable current = failure; current != null; current = current.getCause()) {
            all.append(current.getMessage()).append('\n');
        }
        return all.toString();
    }
}
