package ai.stratum.server.trust;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class AutopilotModeTest {

    @ParameterizedTest(name = "at {0}: {1}")
    @CsvSource({
            "100,    NORMAL",
            "80,     NORMAL",
            "79.99,  NORMAL",
            "70,     NORMAL",
            "69.99,  LIMITED",
            "60,     LIMITED",
            "59.99,  CUTS_ONLY",
            "40,     CUTS_ONLY",
            "39.99,  FROZEN",
            "0,      FROZEN",
            "NaN,    FROZEN"})
    void followsTheSeedsScoreRanges(double score, AutopilotMode expected) {
        assertThat(AutopilotMode.of(score, TrustGateConfig.defaults())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "with 90/75/50/30, at {0}: {1}")
    @CsvSource({"75, NORMAL", "74.99, LIMITED", "50, LIMITED", "49.99, CUTS_ONLY", "30, CUTS_ONLY",
            "29.99, FROZEN"})
    void takesItsBoundariesFromTheGatesThresholds(double score, AutopilotMode expected) {
        TrustGateConfig config = new TrustGateConfig(90, 75, 50, 30, TrustGateConfig.defaults().highRiskActions(),
                TrustGateConfig.defaults().conservativeActions(), TrustGateConfig.defaults().alwaysAllowedActions());

        assertThat(AutopilotMode.of(score, config)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: normal {1}, limited {2}, cuts only {3}, frozen {4}")
    @CsvSource({
            "INCREASE_BUDGET,        true,  false, false, false",
            "LAUNCH_NEW_CAMPAIGNS,   true,  false, false, false",
            "EXPAND_TARGETING,       true,  false, false, false",
            "INCREASE_BID,           true,  false, false, false",
            "UPDATE_BUDGET,          true,  false, false, false",
            "UPDATE_BID,             true,  false, false, false",
            "UPDATE_STATUS,          true,  false, false, false",
            "PAUSE_UNDERPERFORMING,  true,  true,  true,  false",
            "REDUCE_BUDGET,          true,  true,  true,  false",
            "REDUCE_BID,             true,  true,  true,  false",
            "PAUSE_ALL,              true,  true,  true,  true",
            "EMERGENCY_STOP,         true,  true,  true,  true"})
    void proposesWhatEachModeAllows(ActionType action, boolean normal, boolean limited, boolean cutsOnly,
                                    boolean frozen) {
        TrustGateConfig config = TrustGateConfig.defaults();

        assertThat(AutopilotMode.NORMAL.mayPropose(action, config)).isEqualTo(normal);
        assertThat(AutopilotMode.LIMITED.mayPropose(action, config)).isEqualTo(limited);
        assertThat(AutopilotMode.CUTS_ONLY.mayPropose(action, config)).isEqualTo(cutsOnly);
        assertThat(AutopilotMode.FROZEN.mayPropose(action, config)).isEqualTo(frozen);
    }

    @ParameterizedTest(name = "{0}, reclassified: limited {1}, cuts only {2}, frozen {3}")
    @CsvSource({
            // made conservative, but no cut: UPDATE_STATUS can resume delivery
            "UPDATE_STATUS,    true,  false, false",
            "INCREASE_BUDGET,  true,  false, false",
            // a cut moved off the conservative list is no longer proposed below normal
            "REDUCE_BUDGET,    false, false, false",
            // made always allowed
            "REDUCE_BID,       true,  true,  true"})
    void followsATenantsRiskLevels(ActionType action, boolean limited, boolean cutsOnly, boolean frozen) {
        TrustGateConfig config = new TrustGateConfig(80, 70, 60, 40, EnumSet.of(ActionType.INCREASE_BID),
                EnumSet.of(ActionType.UPDATE_STATUS, ActionType.INCREASE_BUDGET, ActionType.PAUSE_UNDERPERFORMING),
                EnumSet.of(ActionType.REDUCE_BID, ActionType.EMERGENCY_STOP));

        assertThat(AutopilotMode.NORMAL.mayPropose(action, config)).isTrue();
        assertThat(AutopilotMode.LIMITED.mayPropose(action, config)).isEqualTo(limited);
        assertThat(AutopilotMode.CUTS_ONLY.mayPropose(action, config)).isEqualTo(cutsOnly);
        assertThat(AutopilotMode.FROZEN.mayPropose(action, config)).isEqualTo(frozen);
    }
}
