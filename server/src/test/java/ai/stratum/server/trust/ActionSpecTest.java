package ai.stratum.server.trust;

import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionSpecTest {

    @Test
    void readsAValidBudgetChange() {
        ActionSpec spec = ActionSpec.from("input", input("INCREASE_BUDGET", "CAMPAIGN", "c_1",
                Map.of("budgetMicros", 25_000_000)));

        assertThat(spec.platform()).isEqualTo(Platform.META);
        assertThat(spec.accountId()).isEqualTo("act_1");
        assertThat(spec.entityType()).isEqualTo(EntityType.CAMPAIGN);
        assertThat(spec.entityId()).isEqualTo("c_1");
        assertThat(spec.actionType()).isEqualTo(ActionType.INCREASE_BUDGET);
        assertThat(spec.parameters()).containsExactly(Map.entry("budgetMicros", 25_000_000L));
        assertThat(spec.idempotencyKey()).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}={2}")
    @CsvSource({
            "UPDATE_BUDGET,  budgetMicros, 1",
            "REDUCE_BUDGET,  budgetMicros, 5000000",
            "UPDATE_BID,     bidMicros,    1500000",
            "INCREASE_BID,   bidMicros,    2000000",
            "REDUCE_BID,     bidMicros,    1000000"})
    void takesWholePositiveMicros(ActionType action, String parameter, long micros) {
        ActionSpec spec = ActionSpec.from("input", input(action.name(), "ADSET", "as_1", Map.of(parameter, micros)));

        assertThat(spec.parameters()).containsExactly(Map.entry(parameter, micros));
    }

    @ParameterizedTest(name = "status {0}")
    @CsvSource({"ACTIVE", "PAUSED"})
    void takesAnActiveOrPausedStatus(String status) {
        ActionSpec spec = ActionSpec.from("input", input("UPDATE_STATUS", "AD", "ad_1", Map.of("status", status)));

        assertThat(spec.parameters()).containsExactly(Map.entry("status", status));
    }

    @ParameterizedTest(name = "{0} on {1} {2} with {3}: {4}")
    @CsvSource(delimiter = '|', value = {
            "UPDATE_BUDGET         | CAMPAIGN | c_1   | budgetMicros=1.5 | input.parameters.budgetMicros | budgetMicros is required: a whole number of micro-units of the account currency (1 USD = 1000000)",
            "UPDATE_BUDGET         | CAMPAIGN | c_1   | ''               | input.parameters.budgetMicros | budgetMicros is required: a whole number of micro-units of the account currency (1 USD = 1000000)",
            "REDUCE_BUDGET         | CAMPAIGN | c_1   | budgetMicros=0   | input.parameters.budgetMicros | budgetMicros must be positive (was 0)",
            "UPDATE_BID            | ADSET    | as_1  | bidMicros=-5     | input.parameters.bidMicros    | bidMicros must be positive (was -5)",
            "UPDATE_BID            | ADSET    | as_1  | budgetMicros=5   | input.parameters.bidMicros    | bidMicros is required: a whole number of micro-units of the account currency (1 USD = 1000000)",
            "UPDATE_STATUS         | AD       | ad_1  | status=DELETED   | input.parameters.status       | status must be ACTIVE or PAUSED",
            "REDUCE_BID            | ADSET    | as_1  | bidMicros=5 note=x | input.parameters.note       | REDUCE_BID takes no parameter 'note'",
            "PAUSE_UNDERPERFORMING | CAMPAIGN | c_1   | limit=3          | input.parameters.limit        | PAUSE_UNDERPERFORMING takes no parameter 'limit'",
            "PAUSE_ALL             | CAMPAIGN | c_1   | ''               | input.entityType              | PAUSE_ALL acts on the ACCOUNT, not on CAMPAIGN",
            "EMERGENCY_STOP        | ADSET    | as_1  | ''               | input.entityType              | EMERGENCY_STOP acts on the ACCOUNT, not on ADSET",
            "PAUSE_ALL             | ACCOUNT  | act_2 | ''               | input.entityId                | PAUSE_ALL's entityId is the account id act_1",
            "EXPAND_TARGETING      | ACCOUNT  | act_1 | ''               | input.entityType              | EXPAND_TARGETING does not act on an ACCOUNT",
            "PAUSE_UNDERPERFORMING | ACCOUNT  | act_1 | ''               | input.entityType              | PAUSE_UNDERPERFORMING does not act on an ACCOUNT",
            "UPDATE_BUDGET         | ACCOUNT  | act_1 | budgetMicros=5   | input.entityType              | UPDATE_BUDGET does not act on an ACCOUNT",
            "INCREASE_BID          | ACCOUNT  | act_1 | bidMicros=5      | input.entityType              | INCREASE_BID does not act on an ACCOUNT",
            "UPDATE_STATUS         | ACCOUNT  | act_1 | status=PAUSED    | input.entityType              | UPDATE_STATUS does not act on an ACCOUNT"})
    void refusesMalformedParametersNamingTheField(ActionType action, EntityType entityType, String entityId,
                                                  String parameters, String field, String message) {
        Map<String, Object> given = new HashMap<>();
        for (String pair : parameters.trim().split("\\s+")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=");
                given.put(parts[0], parts[0].endsWith("Micros") ? (Object) Double.valueOf(parts[1]) : parts[1]);
            }
        }

        assertThatThrownBy(() -> ActionSpec.from("input", input(action.name(), entityType.name(), entityId, given)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.field()).hasValue(field);
                })
                .hasMessage(message);
    }

    @Test
    void pausesAWholeAccountOrStopsItInAnEmergency() {
        assertThat(ActionSpec.from("input", input("PAUSE_ALL", "ACCOUNT", "act_1", Map.of())).actionType())
                .isEqualTo(ActionType.PAUSE_ALL);
        assertThat(ActionSpec.from("input", input("EMERGENCY_STOP", "ACCOUNT", "act_1", Map.of())).actionType())
                .isEqualTo(ActionType.EMERGENCY_STOP);
        assertThat(ActionSpec.from("input", input("LAUNCH_NEW_CAMPAIGNS", "ACCOUNT", "act_1", Map.of())).actionType())
                .isEqualTo(ActionType.LAUNCH_NEW_CAMPAIGNS);
    }

    @Test
    void refusesParametersThatAreNoObject() {
        Map<String, Object> input = input("UPDATE_BUDGET", "CAMPAIGN", "c_1", Map.of());
        input.put("parameters", "budgetMicros=5");

        assertThatThrownBy(() -> ActionSpec.from("input", input))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.field()).hasValue("input.parameters"))
                .hasMessage("parameters must be a JSON object");
    }

    @ParameterizedTest(name = "{0} \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {
            "accountId | ''",
            "accountId | '   '",
            "entityId  | ''",
            "entityId  | 'c\t1'"})
    void refusesBlankOrUnprintableIdentifiers(String field, String value) {
        Map<String, Object> input = input("REDUCE_BID", "ADSET", "as_1", Map.of("bidMicros", 1_000_000));
        input.put(field, value);

        assertThatThrownBy(() -> ActionSpec.from("input", input))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).hasValue("input." + field))
                .hasMessage(field + " must be 1 to 100 printable characters");
    }

    @Test
    void refusesAnIdentifierLongerThanAHundredCharacters() {
        Map<String, Object> input = input("REDUCE_BID", "ADSET", "a".repeat(101), Map.of("bidMicros", 1_000_000));

        assertThatThrownBy(() -> ActionSpec.from("input", input))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).hasValue("input.entityId"));
    }

    @Test
    void stripsIdentifiersAndTheIdempotencyKey() {
        Map<String, Object> input = input("REDUCE_BID", "ADSET", "  as_1 ", Map.of("bidMicros", 1_000_000));
        input.put("accountId", " act_1 ");
        input.put("idempotencyKey", "  run-42  ");

        ActionSpec spec = ActionSpec.from("input", input);

        assertThat(spec.accountId()).isEqualTo("act_1");
        assertThat(spec.entityId()).isEqualTo("as_1");
        assertThat(spec.idempotencyKey()).hasValue("run-42");
    }

    @ParameterizedTest(name = "idempotency key of {0} characters is refused")
    @CsvSource({"0", "201"})
    void refusesAnEmptyOrOverlongIdempotencyKey(int length) {
        Map<String, Object> input = input("REDUCE_BID", "ADSET", "as_1", Map.of("bidMicros", 1_000_000));
        input.put("idempotencyKey", "k".repeat(length));

        assertThatThrownBy(() -> ActionSpec.from("input", input))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.field()).hasValue("input.idempotencyKey"))
                .hasMessage("idempotencyKey must be 1 to 200 characters");
    }

    private static Map<String, Object> input(String actionType, String entityType, String entityId,
                                             Map<String, ?> parameters) {
        Map<String, Object> input = new HashMap<>();
        input.put("platform", "META");
        input.put("accountId", "act_1");
        input.put("entityType", entityType);
        input.put("entityId", entityId);
        input.put("actionType", actionType);
        input.put("parameters", parameters);
        return input;
    }
}
