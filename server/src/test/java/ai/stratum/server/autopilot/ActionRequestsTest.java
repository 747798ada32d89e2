package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateDecision;
import ai.stratum.server.trust.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionRequestsTest {

    private static final ActionRequests.Target SYNCED = new ActionRequests.Target(Optional.of(BudgetPeriod.LIFETIME), Optional.of("EUR"));
    private static final ActionRequests.Target UNKNOWN = new ActionRequests.Target(Optional.empty(), Optional.empty());

    @Test
    void aBudgetTakesTheCampaignsPeriodAndTheAccountsCurrency() {
        ActionRequest request = request(action(ActionType.REDUCE_BUDGET, EntityType.CAMPAIGN, "c1",
                Map.of("budgetMicros", 40_000_000, "previousBudgetMicros", 50_000_000)), SYNCED);

        assertThat(request.type()).isEqualTo(ai.stratum.plugin.api.ActionType.REDUCE_BUDGET);
        assertThat(request.idempotencyKey()).isEqualTo("key-1");
        assertThat(request.changes()).containsExactly(new EntityChange(EntityType.CAMPAIGN, "c1",
                new Change.SetBudget(BudgetPeriod.LIFETIME, new Money(40_000_000, "EUR"))));
    }

    @Test
    void aBidTakesTheAccountsCurrency() {
        ActionRequest request = request(action(ActionType.INCREASE_BID, EntityType.ADSET, "as1", Map.of("bidMicros", 1_200_000)),
                new ActionRequests.Target(Optional.empty(), Optional.of("USD")));

        assertThat(request.changes()).containsExactly(new EntityChange(EntityType.ADSET, "as1", new Change.SetBid(new Money(1_200_000, "USD"))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"UPDATE_STATUS, ACTIVE, ACTIVE", "UPDATE_STATUS, PAUSED, PAUSED", "PAUSE_UNDERPERFORMING, , PAUSED"})
    void statusActionsSetTheStatus(ActionType type, String status, EntityStatus expected) {
        Map<String, Object> parameters = status == null ? Map.of() : Map.of("status", status);

        ActionRequest request = request(action(type, EntityType.AD, "ad1", parameters), UNKNOWN);

        assertThat(request.changes()).containsExactly(new EntityChange(EntityType.AD, "ad1", new Change.SetStatus(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PAUSE_ALL", "EMERGENCY_STOP"})
    void stoppingPausesTheWholeAccount(ActionType type) {
        ActionRequest request = request(action(type, EntityType.ACCOUNT, "act_1", Map.of()), UNKNOWN);

        assertThat(request.type()).isEqualTo(ai.stratum.plugin.api.ActionType.PAUSE_ALL);
        assertThat(request.changes()).containsExactly(new EntityChange(EntityType.ACCOUNT, "act_1", new Change.SetStatus(EntityStatus.PAUSED)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "UPDATE_BUDGET        | CAMPAIGN | budgetMicros | The budget of CAMPAIGN e1 is not known",
            "UPDATE_BID           | CAMPAIGN | bidMicros    | The currency of account act_1 is not known",
            "LAUNCH_NEW_CAMPAIGNS | ACCOUNT  |              | LAUNCH_NEW_CAMPAIGNS has no platform action",
            "UPDATE_BUDGET        | CAMPAIGN |              | UPDATE_BUDGET carries no budgetMicros"})
    void neverGuessesWhatItDoesNotKnow(ActionType type, EntityType entityType, String parameter, String reason) {
        Map<String, Object> parameters = parameter == null ? Map.of() : Map.of(parameter, 5_000_000);

        ActionRequests.Translation translation = ActionRequests.of(action(type, entityType, entityType == EntityType.ACCOUNT ? "act_1" : "e1",
                parameters), UNKNOWN);

        assertThat(translation).isInstanceOfSatisfying(ActionRequests.Translation.Refused.class,
                refused -> assertThat(refused.reason()).startsWith(reason));
    }

    private static ActionRequest request(StoredAction action, ActionRequests.Target target) {
        ActionRequests.Translation translation = ActionRequests.of(action, target);
        assertThat(translation).isInstanceOf(ActionRequests.Translation.Request.class);
        return ((ActionRequests.Translation.Request) translation).request();
    }

    private static StoredAction action(ActionType type, EntityType entityType, String entityId, Map<String, Object> parameters) {
        return new StoredAction("id-1", "tenant-1", Platform.META, "act_1", entityType, entityId, type, parameters, ActionStatus.EXECUTING,
                GateDecision.PASS, RiskLevel.STANDARD, 70, List.of(), "key-1", true, 90, 90.0, null, null, false, null, null, null,
                Instant.parse("2026-03-01T00:00:00Z"), null);
    }
}
