package ai.stratum.server.trust;

import ai.stratum.server.signals.health.TrustSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustGateConfigTest {

    private static final TrustGateConfig SEED = TrustGateConfig.defaults();

    @Test
    void defaultsToTheSeedsThresholds() {
        assertThat(SEED.highRiskThreshold()).isEqualTo(80.0);
        assertThat(SEED.standardThreshold()).isEqualTo(70.0);
        assertThat(SEED.conservativeThreshold()).isEqualTo(60.0);
        assertThat(SEED.holdThreshold()).isEqualTo(40.0);
    }

    @Test
    void defaultsToTheSeedsActionLists() {
        assertThat(SEED.highRiskActions()).extracting(ActionType::seedId)
                .containsExactly("increase_budget", "launch_new_campaigns", "expand_targeting", "increase_bid");
        assertThat(SEED.conservativeActions()).extracting(ActionType::seedId)
                .containsExactly("pause_underperforming", "reduce_budget", "reduce_bid");
        assertThat(SEED.alwaysAllowedActions()).extracting(ActionType::seedId)
                .containsExactly("pause_all", "emergency_stop");
    }

    @ParameterizedTest(name = "{0} is {1}, threshold {2}")
    @CsvSource({
            "INCREASE_BUDGET,        HIGH_RISK,       80",
            "LAUNCH_NEW_CAMPAIGNS,   HIGH_RISK,       80",
            "EXPAND_TARGETING,       HIGH_RISK,       80",
            "INCREASE_BID,           HIGH_RISK,       80",
            // on no list
            "UPDATE_BUDGET,          STANDARD,        70",
            "UPDATE_BID,             STANDARD,        70",
            "UPDATE_STATUS,          STANDARD,        70",
            "PAUSE_UNDERPERFORMING,  CONSERVATIVE,    60",
            "REDUCE_BUDGET,          CONSERVATIVE,    60",
            "REDUCE_BID,             CONSERVATIVE,    60",
            "PAUSE_ALL,              ALWAYS_ALLOWED,  0",
            "EMERGENCY_STOP,         ALWAYS_ALLOWED,  0"})
    void givesEachActionItsSeedRiskLevel(ActionType action, RiskLevel risk, double threshold) {
        assertThat(SEED.riskOf(action)).isEqualTo(risk);
        assertThat(SEED.thresholdOf(risk)).isEqualTo(threshold);
    }

    @Test
    void takesItsThresholdsFromTheTrustSettings() {
        TrustSettings settings = TrustSettings.fromEnvironment(Map.of("TRUST_HIGH_RISK_THRESHOLD", "85",
                "TRUST_HEALTHY_THRESHOLD", "75", "TRUST_CONSERVATIVE_THRESHOLD", "65", "TRUST_HOLD_THRESHOLD", "45"));

        TrustGateConfig config = TrustGateConfig.from(settings);

        assertThat(config.highRiskThreshold()).isEqualTo(85.0);
        assertThat(config.standardThreshold()).isEqualTo(75.0);
        assertThat(config.conservativeThreshold()).isEqualTo(65.0);
        assertThat(config.holdThreshold()).isEqualTo(45.0);
        assertThat(config.highRiskActions()).isEqualTo(SEED.highRiskActions());
        assertThat(config.conservativeActions()).isEqualTo(SEED.conservativeActions());
        assertThat(config.alwaysAllowedActions()).isEqualTo(SEED.alwaysAllowedActions());
    }

    @Test
    void isTheSeedsConfigurationWithDefaultSettings() {
        assertThat(TrustGateConfig.from(TrustSettings.defaults())).isEqualTo(SEED);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} is valid")
    @CsvSource({"80, 70, 60, 40", "100, 100, 100, 100", "0, 0, 0, 0", "50, 50, 50, 50", "100, 0, 0, 0",
            "80, 70, 60, 60"})
    void acceptsOrderedThresholdsWithinZeroToAHundred(double highRisk, double standard, double conservative,
                                                      double hold) {
        assertThatCode(() -> thresholds(highRisk, standard, conservative, hold)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} is refused: {4}")
    @CsvSource(delimiter = '|', value = {
            // hold above a pass threshold
            "80  | 70  | 60  | 60.01 | holdThreshold         | holdThreshold 60.01 must not be above conservativeThreshold 60.0",
            "80  | 70  | 60  | 75    | holdThreshold         | holdThreshold 75.0 must not be above conservativeThreshold 60.0",
            // pass thresholds out of order
            "80  | 70  | 75  | 40    | conservativeThreshold | conservativeThreshold 75.0 must not be above standardThreshold 70.0",
            "80  | 85  | 60  | 40    | highRiskThreshold     | highRiskThreshold 80.0 must not be below standardThreshold 85.0",
            // out of range, or no number
            "101 | 70  | 60  | 40    | highRiskThreshold     | highRiskThreshold must be between 0 and 100, was 101.0",
            "80  | -1  | 60  | 40    | standardThreshold     | standardThreshold must be between 0 and 100, was -1.0",
            "80  | 70  | NaN | 40    | conservativeThreshold | conservativeThreshold must be between 0 and 100, was NaN",
            "80  | 70  | 60  | -0.01 | holdThreshold         | holdThreshold must be between 0 and 100, was -0.01",
            "Infinity | 70 | 60 | 40 | highRiskThreshold    | highRiskThreshold must be between 0 and 100, was Infinity"})
    void refusesThresholdsOutOfRangeOrOrderNamingTheField(double highRisk, double standard, double conservative,
                                                           double hold, String field, String message) {
        assertThatThrownBy(() -> thresholds(highRisk, standard, conservative, hold))
                .isInstanceOfSatisfying(InvalidTrustConfigException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }

    @ParameterizedTest(name = "high-risk [{0}], conservative [{1}], always allowed [{2}] is refused: {4}")
    @CsvSource(delimiter = '|', value = {
            "INCREASE_BUDGET | INCREASE_BUDGET REDUCE_BID | EMERGENCY_STOP           | conservativeActions  | INCREASE_BUDGET is in both highRiskActions and conservativeActions",
            "PAUSE_ALL       | REDUCE_BID                 | PAUSE_ALL EMERGENCY_STOP | alwaysAllowedActions | PAUSE_ALL is in both highRiskActions and alwaysAllowedActions",
            "INCREASE_BID    | REDUCE_BID                 | REDUCE_BID EMERGENCY_STOP | alwaysAllowedActions | REDUCE_BID is in both conservativeActions and alwaysAllowedActions",
            // the way to stop spending must never wait for healthy data
            "INCREASE_BID    | REDUCE_BID                 | PAUSE_ALL                | alwaysAllowedActions | alwaysAllowedActions must include EMERGENCY_STOP",
            "EMERGENCY_STOP  | REDUCE_BID                 | PAUSE_ALL                | alwaysAllowedActions | alwaysAllowedActions must include EMERGENCY_STOP",
            "INCREASE_BID    | EMERGENCY_STOP             | ''                       | alwaysAllowedActions | alwaysAllowedActions must include EMERGENCY_STOP"})
    void refusesInconsistentActionListsNamingTheField(String highRisk, String conservative, String alwaysAllowed,
                                                      String field, String message) {
        assertThatThrownBy(() -> new TrustGateConfig(80, 70, 60, 40, actions(highRisk), actions(conservative),
                actions(alwaysAllowed)))
                .isInstanceOfSatisfying(InvalidTrustConfigException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessage(message);
    }

    @Test
    void refusesAMissingListNamingTheField() {
        assertThatThrownBy(() -> new TrustGateConfig(80, 70, 60, 40, SEED.highRiskActions(), null,
                SEED.alwaysAllowedActions()))
                .isInstanceOfSatisfying(InvalidTrustConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("conservativeActions"))
                .hasMessage("conservativeActions must be given");
    }

    @Test
    void refusesANullActionNamingTheField() {
        Set<ActionType> withNull = new HashSet<>(Arrays.asList(ActionType.INCREASE_BID, null));

        assertThatThrownBy(() -> new TrustGateConfig(80, 70, 60, 40, withNull, SEED.conservativeActions(),
                SEED.alwaysAllowedActions()))
                .isInstanceOfSatisfying(InvalidTrustConfigException.class,
                        e -> assertThat(e.field()).isEqualTo("highRiskActions"))
                .hasMessage("highRiskActions must not contain null");
    }

    @Test
    void treatsAnActionOnNoListAsStandard() {
        TrustGateConfig config = new TrustGateConfig(80, 70, 60, 40, EnumSet.noneOf(ActionType.class),
                EnumSet.noneOf(ActionType.class), EnumSet.of(ActionType.EMERGENCY_STOP));

        assertThat(config.riskOf(ActionType.INCREASE_BUDGET)).isEqualTo(RiskLevel.STANDARD);
        assertThat(config.riskOf(ActionType.PAUSE_ALL)).isEqualTo(RiskLevel.STANDARD);
        assertThat(config.riskOf(ActionType.EMERGENCY_STOP)).isEqualTo(RiskLevel.ALWAYS_ALLOWED);
    }

    @Test
    void keepsItsOwnCopyOfTheLists() {
        Set<ActionType> highRisk = EnumSet.of(ActionType.INCREASE_BUDGET);
        TrustGateConfig config = new TrustGateConfig(80, 70, 60, 40, highRisk, EnumSet.noneOf(ActionType.class),
                EnumSet.of(ActionType.EMERGENCY_STOP));

        highRisk.add(ActionType.INCREASE_BID);

        assertThat(config.highRiskActions()).containsExactly(ActionType.INCREASE_BUDGET);
        assertThatThrownBy(() -> config.highRiskActions().add(ActionType.EXPAND_TARGETING))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static TrustGateConfig thresholds(double highRisk, double standard, double conservative, double hold) {
        return new TrustGateConfig(highRisk, standard, conservative, hold, SEED.highRiskActions(),
                SEED.conservativeActions(), SEED.alwaysAllowedActions());
    }

    private static Set<ActionType> actions(String spaceSeparated) {
        Set<ActionType> actions = EnumSet.noneOf(ActionType.class);
        if (!spaceSeparated.isBlank()) {
            Arrays.stream(spaceSeparated.trim().split("\\s+")).map(ActionType::valueOf).forEach(actions::add);
        }
        return actions;
    }
}
