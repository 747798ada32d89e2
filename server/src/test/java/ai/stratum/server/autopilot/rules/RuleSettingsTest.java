package ai.stratum.server.autopilot.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleSettingsTest {

    @ParameterizedTest(name = "{0} starts disabled: step {1} %, day {2} %, min spend {3}, {4} days, cooldown {5}")
    @CsvSource({
            "BUDGET_PACING,       15, 30, 0,         7, PT4H",
            "PERFORMANCE_SCALING, 20, 50, 100000000, 7, PT24H",
            "STATUS_MANAGEMENT,   20, 50, 100000000, 7, PT24H"})
    void defaultsAreDocumentedAndDisabled(RuleType type, double step, double day, long minSpend, int lookback,
            Duration cooldown) {
        RuleSettings defaults = RuleSettings.defaults(type);

        assertThat(defaults.type()).isEqualTo(type);
        assertThat(defaults.enabled()).isFalse();
        assertThat(defaults.maxChangePerStepPct()).isEqualTo(step);
        assertThat(defaults.maxChangePerDayPct()).isEqualTo(day);
        assertThat(defaults.minSpendMicros()).isEqualTo(minSpend);
        assertThat(defaults.lookbackDays()).isEqualTo(lookback);
        assertThat(defaults.cooldown()).isEqualTo(cooldown);
        assertThat(defaults.targetRoas()).isEmpty();
        assertThat(defaults.targetCpa()).isEmpty();
        assertThat(defaults.minBudgetMicros()).isEmpty();
        assertThat(defaults.maxBudgetMicros()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} is refused naming {2}")
    @CsvSource({
            "targetRoas,          -1,        targetRoas",
            "targetRoas,          0,         targetRoas",
            "targetRoas,          NaN,       targetRoas",
            "targetCpa,           -25,       targetCpa",
            "targetCpa,           Infinity,  targetCpa",
            "maxChangePerStepPct, 0,         maxChangePerStepPct",
            "maxChangePerStepPct, -5,        maxChangePerStepPct",
            "maxChangePerStepPct, 100.01,    maxChangePerStepPct",
            "maxChangePerStepPct, 50.01,     maxChangePerStepPct",
            "maxChangePerDayPct,  0,         maxChangePerDayPct",
            "maxChangePerDayPct,  101,       maxChangePerDayPct",
            "maxChangePerDayPct,  19.99,     maxChangePerStepPct",
            "minSpendMicros,      -1,        minSpendMicros",
            "lookbackDays,        0,         lookbackDays",
            "lookbackDays,        91,        lookbackDays",
            "cooldown,            -PT1S,     cooldown",
            "minBudgetMicros,     0,         minBudgetMicros",
            "maxBudgetMicros,     -10000,    maxBudgetMicros",
            "minBudgetMicros,     500000001, minBudgetMicros"})
    void refusesOutOfRangeSettingsNamingTheField(String setting, String value, String field) {
        RuleSettings.Builder builder = RuleSettings.builder(RuleType.STATUS_MANAGEMENT)
                .maxBudgetMicros(OptionalLong.of(500_000_000L));
        apply(builder, setting, value);

        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidRuleSettingsException.class)
                .satisfies(e -> assertThat(((InvalidRuleSettingsException) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvSource({
            "maxChangePerStepPct, 50",
            "maxChangePerDayPct,  20",
            "maxChangePerDayPct,  100",
            "lookbackDays,        1",
            "lookbackDays,        90",
            "cooldown,            PT0S",
            "minSpendMicros,      0",
            "minBudgetMicros,     500000000",
            "targetRoas,          0.01",
            "targetCpa,           0.5"})
    void acceptsBoundaryValues(String setting, String value) {
        RuleSettings.Builder builder = RuleSettings.builder(RuleType.STATUS_MANAGEMENT)
                .maxBudgetMicros(OptionalLong.of(500_000_000L));
        apply(builder, setting, value);

        assertThat(builder.build()).isNotNull();
    }

    @Test
    void performanceScalingCannotBeEnabledWithoutATarget() {
        RuleSettings.Builder builder = RuleSettings.builder(RuleType.PERFORMANCE_SCALING).enabled(true);

        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidRuleSettingsException.class)
                .satisfies(e -> assertThat(((InvalidRuleSettingsException) e).field()).isEqualTo("targetRoas"))
                .hasMessageContaining("target ROAS or a target CPA");
        assertThat(builder.targetCpa(OptionalDouble.of(25)).build().enabled()).isTrue();
    }

    @Test
    void refusesMissingOptionalsAsMissingFieldsRatherThanNullPointers() {
        assertThatThrownBy(() -> new RuleSettings(RuleType.BUDGET_PACING, true, null, OptionalDouble.empty(), 10, 20,
                0, 7, Duration.ZERO, OptionalLong.empty(), OptionalLong.empty()))
                .isInstanceOf(InvalidRuleSettingsException.class)
                .satisfies(e -> assertThat(((InvalidRuleSettingsException) e).field()).isEqualTo("targetRoas"));
    }

    @ParameterizedTest
    @EnumSource(RuleType.class)
    void toBuilderKeepsEverySetting(RuleType type) {
        RuleSettings settings = RuleSettings.builder(type).targetRoas(OptionalDouble.of(3)).lookbackDays(14)
                .minBudgetMicros(OptionalLong.of(10_000_000L)).build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @ParameterizedTest(name = "{0} is seed rule {1}")
    @CsvSource({
            "BUDGET_PACING,       budget_pacing",
            "PERFORMANCE_SCALING, performance_scaling",
            "STATUS_MANAGEMENT,   status_management"})
    void ruleTypesMapOneToOneToSeedIdentifiers(RuleType type, String id) {
        assertThat(type.id()).isEqualTo(id);
        assertThat(RuleType.fromId(id)).contains(type);
    }

    private static void apply(RuleSettings.Builder builder, String setting, String value) {
        switch (setting) {
            case "targetRoas" -> builder.targetRoas(OptionalDouble.of(Double.parseDouble(value)));
            case "targetCpa" -> builder.targetCpa(OptionalDouble.of(Double.parseDouble(value)));
            case "maxChangePerStepPct" -> builder.maxChangePerStepPct(Double.parseDouble(value));
            case "maxChangePerDayPct" -> builder.maxChangePerDayPct(Double.parseDouble(value));
            case "minSpendMicros" -> builder.minSpendMicros(Long.parseLong(value));
            case "lookbackDays" -> builder.lookbackDays(Integer.parseInt(value));
            case "cooldown" -> builder.cooldown(Duration.parse(value));
            case "minBudgetMicros" -> builder.minBudgetMicros(OptionalLong.of(Long.parseLong(value)));
            case "maxBudgetMicros" -> builder.maxBudgetMicros(OptionalLong.of(Long.parseLong(value)));
            default -> throw new IllegalArgumentException("no setting " + setting);
        }
    }
}
