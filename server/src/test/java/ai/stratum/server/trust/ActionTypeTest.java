package ai.stratum.server.trust;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionTypeTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "INCREASE_BUDGET,        increase_budget",
            "LAUNCH_NEW_CAMPAIGNS,   launch_new_campaigns",
            "EXPAND_TARGETING,       expand_targeting",
            "INCREASE_BID,           increase_bid",
            "UPDATE_BUDGET,          update_budget",
            "UPDATE_BID,             update_bid",
            "UPDATE_STATUS,          update_status",
            "PAUSE_UNDERPERFORMING,  pause_underperforming",
            "REDUCE_BUDGET,          reduce_budget",
            "REDUCE_BID,             reduce_bid",
            "PAUSE_ALL,              pause_all",
            "EMERGENCY_STOP,         emergency_stop"})
    void usesTheSeedsIdentifiers(ActionType action, String seedId) {
        assertThat(action.seedId()).isEqualTo(seedId);
        assertThat(ActionType.fromSeedId(seedId)).hasValue(action);
    }

    @ParameterizedTest(name = "{0} round-trips")
    @EnumSource(ActionType.class)
    void findsEveryActionByItsSeedIdentifier(ActionType action) {
        assertThat(ActionType.fromSeedId(action.seedId())).hasValue(action);
    }

    @ParameterizedTest(name = "\"{0}\" is no action")
    @ValueSource(strings = {"", "raise_budget", "INCREASE_BUDGET", "Increase_Budget", " increase_budget",
            "increase-budget"})
    void findsNoActionForAnUnknownIdentifier(String seedId) {
        assertThat(ActionType.fromSeedId(seedId)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: cut {1}")
    @CsvSource({
            "INCREASE_BUDGET, false", "LAUNCH_NEW_CAMPAIGNS, false", "EXPAND_TARGETING, false",
            "INCREASE_BID, false", "UPDATE_BUDGET, false", "UPDATE_BID, false", "UPDATE_STATUS, false",
            "PAUSE_UNDERPERFORMING, true", "REDUCE_BUDGET, true", "REDUCE_BID, true", "PAUSE_ALL, true",
            "EMERGENCY_STOP, true"})
    void marksThePauseAndReduceActionsAsCuts(ActionType action, boolean cut) {
        assertThat(action.isCut()).isEqualTo(cut);
    }

    @ParameterizedTest(name = "{0} runs as {1}")
    @CsvSource(nullValues = "none", value = {
            "INCREASE_BUDGET, INCREASE_BUDGET", "INCREASE_BID, INCREASE_BID", "UPDATE_STATUS, UPDATE_STATUS",
            "REDUCE_BID, REDUCE_BID", "PAUSE_ALL, PAUSE_ALL",
            // an emergency stop pauses everything on each platform
            "EMERGENCY_STOP, PAUSE_ALL",
            // no plugin action for these yet
            "LAUNCH_NEW_CAMPAIGNS, none", "EXPAND_TARGETING, none"})
    void mapsToThePluginActionThatCarriesItOut(ActionType action, ai.stratum.plugin.api.ActionType executable) {
        assertThat(action.executable()).isEqualTo(Optional.ofNullable(executable));
    }
}
