package ai.stratum.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActionRequestTest {

    private static final Change BUDGET = new Change.SetBudget(BudgetPeriod.DAILY, new Money(50_000_000, "USD"));
    private static final Change PAUSE = new Change.SetStatus(EntityStatus.PAUSED);

    @Test
    void budgetIncreaseCarriesTheAbsoluteTarget() {
        ActionRequest request = new ActionRequest("key-1", "act_1", ActionType.INCREASE_BUDGET,
                List.of(new EntityChange(EntityType.CAMPAIGN, "c1", BUDGET)));

        assertThat(request.changes()).singleElement()
                .extracting(EntityChange::change).isEqualTo(BUDGET);
    }

    @Test
    void refusesAChangeThatDoesNotFitTheType() {
        assertThatThrownBy(() -> new ActionRequest("key-1", "act_1", ActionType.UPDATE_BID,
                List.of(new EntityChange(EntityType.ADSET, "a1", BUDGET))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UPDATE_BID cannot carry");
    }

    @Test
    void pauseUnderperformingOnlyPauses() {
        assertThatThrownBy(() -> new ActionRequest("key-1", "act_1", ActionType.PAUSE_UNDERPERFORMING,
                List.of(new EntityChange(EntityType.AD, "ad1", new Change.SetStatus(EntityStatus.ACTIVE)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pauseAllAddressesTheAccountItself() {
        ActionRequest request = new ActionRequest("key-1", "act_1", ActionType.PAUSE_ALL,
                List.of(new EntityChange(EntityType.ACCOUNT, "act_1", PAUSE)));

        assertThat(request.type()).isEqualTo(ActionType.PAUSE_ALL);
        assertThatThrownBy(() -> new ActionRequest("key-1", "act_1", ActionType.PAUSE_ALL,
                List.of(new EntityChange(EntityType.ACCOUNT, "act_2", PAUSE))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnEmptyActionOrBlankKey() {
        assertThatThrownBy(() -> new ActionRequest("key-1", "act_1", ActionType.UPDATE_STATUS, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActionRequest(" ", "act_1", ActionType.UPDATE_STATUS,
                List.of(new EntityChange(EntityType.AD, "ad1", PAUSE))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
