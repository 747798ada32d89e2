package ai.stratum.server.demo;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoModeTest {

    private static Map<String, String> env(String demo, String databaseUrl) {
        Map<String, String> env = new HashMap<>();
        if (!demo.equals("-")) {
            env.put("STRATUM_DEMO", demo);
        }
        if (!databaseUrl.equals("-")) {
            env.put("DATABASE_URL", databaseUrl);
        }
        return env;
    }

    @ParameterizedTest(name = "STRATUM_DEMO={0} DATABASE_URL={1}: {2}")
    @CsvSource({
        "-,     -,                              true",
        "auto,  -,                              true",
        "auto,  postgresql://u@db:5432/stratum, false",
        "-,     postgresql://u@db:5432/stratum, false",
        "ON,    postgresql://u@db:5432/stratum, true",
        "true,  -,                              true",
        "off,   -,                              false",
        "false, -,                              false",
        "auto,  '  ',                           true"})
    void runsWithTheEmbeddedDatabaseUnlessToldOtherwise(String demo, String databaseUrl, boolean enabled) {
        assertThat(DemoMode.enabled(env(demo, databaseUrl))).isEqualTo(enabled);
    }

    @ParameterizedTest
    @CsvSource({"yes", "1", "demo"})
    void refusesAnythingButAutoOnOrOffNamingTheVariable(String value) {
        assertThatThrownBy(() -> DemoMode.enabled(env(value, "-")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("STRATUM_DEMO must be auto, on or off (was '" + value + "')");
    }
}
