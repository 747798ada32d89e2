package ai.stratum.server.signals.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TrustSettingsTest {

    @Test
    void defaultsToTheSeedsValues() {
        TrustSettings settings = TrustSettings.defaults();

        assertThat(settings.healthyThreshold()).isEqualTo(70);
        assertThat(settings.degradedThreshold()).isEqualTo(40);
        assertThat(settings.highRiskThreshold()).isEqualTo(80);
        assertThat(settings.conservativeThreshold()).isEqualTo(60);
        assertThat(settings.holdThreshold()).isEqualTo(40);
        assertThat(settings.maxDataAgeHours()).isEqualTo(24);
        assertThat(settings.staleDataAgeHours()).isEqualTo(48);
        assertThat(settings.maxVariancePct()).isEqualTo(15);
        assertThat(settings.warningVariancePct()).isEqualTo(10);
        assertThat(settings.anomalyZScoreThreshold()).isEqualTo(3.0);
        assertThat(settings.emqWeight()).isEqualTo(0.40);
        assertThat(settings.freshnessWeight()).isEqualTo(0.25);
        assertThat(settings.varianceWeight()).isEqualTo(0.20);
        assertThat(settings.anomalyWeight()).isEqualTo(0.15);
        assertThat(settings.cdpWeight()).isEqualTo(0.10);
        assertThat(settings.cdpEnabled()).isTrue();
    }

    @Test
    void keepsTheDefaultsWhenNoTrustVariableIsSet() {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of("PATH", "/usr/bin", "HOME", "/root",
                "TRUST_UNKNOWN", "nonsense"));

        assertThat(settings).isEqualTo(TrustSettings.defaults());
    }

    @ParameterizedTest(name = "{0}={1} reads as {2}")
    @CsvSource({
            "TRUST_HEALTHY_THRESHOLD,         75,      75.0",
            "TRUST_DEGRADED_THRESHOLD,        50,      50.0",
            "TRUST_HIGH_RISK_THRESHOLD,       90,      90.0",
            "TRUST_CONSERVATIVE_THRESHOLD,    65.5,    65.5",
            "TRUST_HOLD_THRESHOLD,            30,      30.0",
            "TRUST_MAX_DATA_AGE_HOURS,        12,      12.0",
            "TRUST_STALE_DATA_AGE_HOURS,      72,      72.0",
            "TRUST_MAX_VARIANCE_PCT,          20,      20.0",
            "TRUST_WARNING_VARIANCE_PCT,      5,       5.0",
            "TRUST_ANOMALY_ZSCORE_THRESHOLD,  2.5,     2.5",
            "TRUST_CDP_WEIGHT,                0.2,     0.2",
            "TRUST_CDP_WEIGHT,                0,       0.0",
            "TRUST_CDP_ENABLED,               false,   false",
            "TRUST_CDP_ENABLED,               FALSE,   false",
            "TRUST_CDP_ENABLED,               true,    true",
            // surrounding blanks are not part of the value
            "TRUST_HEALTHY_THRESHOLD,         ' 72 ',  72.0",
            "TRUST_CDP_ENABLED,               ' False ', false"})
    void overridesOneVariable(String variable, String raw, String expected) {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of(variable, raw));

        assertThat(settings.variables()).contains(entry(variable, expected));
        Map<String, String> others = new LinkedHashMap<>(settings.variables());
        others.remove(variable);
        Map<String, String> defaults = new LinkedHashMap<>(TrustSettings.defaults().variables());
        defaults.remove(variable);
        assertThat(others).isEqualTo(defaults);
    }

    @Test
    void readsWeightsThatSumToOne() {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of("TRUST_WEIGHT_EMQ", "0.5",
                "TRUST_WEIGHT_FRESHNESS", "0.2", "TRUST_WEIGHT_VARIANCE", "0.2", "TRUST_WEIGHT_ANOMALY", "0.1"));

        assertThat(settings.emqWeight()).isEqualTo(0.5);
        assertThat(settings.freshnessWeight()).isEqualTo(0.2);
        assertThat(settings.varianceWeight()).isEqualTo(0.2);
        assertThat(settings.anomalyWeight()).isEqualTo(0.1);
    }

    @ParameterizedTest(name = "{0}={1} is refused: {2}")
    @CsvSource({
            // not a number
            "TRUST_HEALTHY_THRESHOLD,         abc,     TRUST_HEALTHY_THRESHOLD must be a number, was 'abc'",
            "TRUST_MAX_DATA_AGE_HOURS,        '',      TRUST_MAX_DATA_AGE_HOURS must be a number, was ''",
            "TRUST_ANOMALY_ZSCORE_THRESHOLD,  NaN,     TRUST_ANOMALY_ZSCORE_THRESHOLD must be a number, was 'NaN'",
            "TRUST_CDP_WEIGHT,                Infinity, TRUST_CDP_WEIGHT must be a number, was 'Infinity'",
            "TRUST_HIGH_RISK_THRESHOLD,       80%,     TRUST_HIGH_RISK_THRESHOLD must be a number, was '80%'",
            "TRUST_CDP_ENABLED,               yes,     TRUST_CDP_ENABLED must be true or false, was 'yes'",
            "TRUST_CDP_ENABLED,               1,       TRUST_CDP_ENABLED must be true or false, was '1'",
            // out of range
            "TRUST_HEALTHY_THRESHOLD,         101,     TRUST_HEALTHY_THRESHOLD must be between 0 and 100, was 101.0",
            "TRUST_HOLD_THRESHOLD,            -1,      TRUST_HOLD_THRESHOLD must be between 0 and 100, was -1.0",
            "TRUST_MAX_DATA_AGE_HOURS,        -1,      TRUST_MAX_DATA_AGE_HOURS must not be below 0.0, was -1.0",
            "TRUST_WARNING_VARIANCE_PCT,      -5,      TRUST_WARNING_VARIANCE_PCT must not be below 0.0, was -5.0",
            "TRUST_ANOMALY_ZSCORE_THRESHOLD,  0,       TRUST_ANOMALY_ZSCORE_THRESHOLD must be positive, was 0.0",
            "TRUST_CDP_WEIGHT,                1,       TRUST_CDP_WEIGHT must be below 1, was 1.0",
            "TRUST_CDP_WEIGHT,                -0.1,    TRUST_CDP_WEIGHT must not be below 0.0, was -0.1",
            "TRUST_WEIGHT_ANOMALY,            -0.15,   TRUST_WEIGHT_ANOMALY must not be below 0.0, was -0.15",
            // inconsistent with the defaults of the others
            "TRUST_STALE_DATA_AGE_HOURS,      24,      TRUST_STALE_DATA_AGE_HOURS must be above TRUST_MAX_DATA_AGE_HOURS 24.0, was 24.0",
            "TRUST_MAX_VARIANCE_PCT,          10,      TRUST_MAX_VARIANCE_PCT must be above TRUST_WARNING_VARIANCE_PCT 10.0, was 10.0",
            "TRUST_DEGRADED_THRESHOLD,        75,      TRUST_DEGRADED_THRESHOLD 75.0 must not be above TRUST_HEALTHY_THRESHOLD 70.0",
            "TRUST_CONSERVATIVE_THRESHOLD,    75,      TRUST_CONSERVATIVE_THRESHOLD 75.0 must not be above TRUST_HEALTHY_THRESHOLD 70.0",
            "TRUST_HOLD_THRESHOLD,            65,      TRUST_HOLD_THRESHOLD 65.0 must not be above TRUST_CONSERVATIVE_THRESHOLD 60.0",
            "TRUST_WEIGHT_EMQ,                0.5,     'TRUST_WEIGHT_EMQ, TRUST_WEIGHT_FRESHNESS, TRUST_WEIGHT_VARIANCE and TRUST_WEIGHT_ANOMALY must sum to 1'"})
    void refusesAnInvalidValueNamingTheVariable(String variable, String raw, String message) {
        assertThatThrownBy(() -> TrustSettings.fromEnvironment(Map.of(variable, raw)))
                .isInstanceOfSatisfying(InvalidTrustSettingsException.class,
                        e -> assertThat(e.variable()).isEqualTo(variable))
                .hasMessageStartingWith(message);
    }

    @ParameterizedTest(name = "{0}={1} conflicts with {2}")
    @CsvSource({
            "TRUST_HEALTHY_THRESHOLD,     85,  TRUST_HIGH_RISK_THRESHOLD",
            "TRUST_HEALTHY_THRESHOLD,     35,  TRUST_DEGRADED_THRESHOLD",
            "TRUST_HIGH_RISK_THRESHOLD,   65,  TRUST_HEALTHY_THRESHOLD",
            "TRUST_MAX_DATA_AGE_HOURS,    50,  TRUST_STALE_DATA_AGE_HOURS",
            "TRUST_WARNING_VARIANCE_PCT,  20,  TRUST_MAX_VARIANCE_PCT"})
    void refusesAValueThatConflictsWithAnotherNamingBoth(String variable, String raw, String other) {
        assertThatThrownBy(() -> TrustSettings.fromEnvironment(Map.of(variable, raw)))
                .isInstanceOfSatisfying(InvalidTrustSettingsException.class,
                        e -> assertThat(e.variable()).isIn(variable, other))
                .hasMessageContaining(variable)
                .hasMessageContaining(other);
    }

    @Test
    void appliesATenantsOverridesOnTopOfTheEnvironment() {
        TrustSettings environment = TrustSettings.fromEnvironment(Map.of("TRUST_MAX_DATA_AGE_HOURS", "12"));

        TrustSettings tenant = environment.withOverrides(Map.of("TRUST_HIGH_RISK_THRESHOLD", "85"));

        assertThat(tenant.highRiskThreshold()).isEqualTo(85);
        assertThat(tenant.maxDataAgeHours()).isEqualTo(12);
        assertThat(tenant.healthyThreshold()).isEqualTo(70);
    }

    @Test
    void refusesAnOverrideThatIsNoTrustVariable() {
        assertThatThrownBy(() -> TrustSettings.defaults().withOverrides(Map.of("TRUST_HEALTHY_TRESHOLD", "75")))
                .isInstanceOfSatisfying(InvalidTrustSettingsException.class,
                        e -> assertThat(e.variable()).isEqualTo("TRUST_HEALTHY_TRESHOLD"))
                .hasMessage("TRUST_HEALTHY_TRESHOLD is not a trust setting");
    }

    @Test
    void listsEveryVariableSoThatReadingThemBackGivesTheSameSettings() {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of("TRUST_HEALTHY_THRESHOLD", "72.5",
                "TRUST_CDP_ENABLED", "false", "TRUST_ANOMALY_ZSCORE_THRESHOLD", "2.75"));

        assertThat(settings.variables()).hasSize(TrustVariable.values().length)
                .containsEntry("TRUST_HEALTHY_THRESHOLD", "72.5").containsEntry("TRUST_CDP_ENABLED", "false");
        assertThat(TrustSettings.fromEnvironment(settings.variables())).isEqualTo(settings);
    }

    @Test
    void findsAVariableByItsEnvironmentName() {
        assertThat(TrustVariable.named("TRUST_CDP_WEIGHT")).hasValue(TrustVariable.CDP_WEIGHT);
        assertThat(TrustVariable.named("CDP_WEIGHT")).isEmpty();
        assertThat(TrustVariable.named("trust_cdp_weight")).isEmpty();
    }
}
