package ai.stratum.plugin.testkit.contract;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.ActionType;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Change;
import ai.stratum.plugin.api.ConnectorException.Failure;
import ai.stratum.plugin.api.EntityChange;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.EntityType;
import ai.stratum.plugin.api.Money;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static ai.stratum.plugin.testkit.contract.ContractHarness.failure;
import static org.assertj.core.api.Assertions.assertThat;

/** What every executor must get right: exact absolute changes, harmless repeats, and only what it is told. */
public interface ActionContract extends UsesContractHarness {

    private SimulatedCampaign activeCampaign() {
        return harness().account().campaigns().stream().filter(c -> c.status() == EntityStatus.ACTIVE)
                .findFirst().orElseThrow();
    }

    private ActionRequest request(String key, ActionType type, EntityType entityType, String entityId, Change change) {
        return new ActionRequest(key, harness().plugin().accountId(), type,
                List.of(new EntityChange(entityType, entityId, change)));
    }

    @Test
    default void setsADailyBudgetToTheCent() {
        SimulatedCampaign campaign = activeCampaign();
        long target = campaign.dailyBudgetMicros() + 12_340_000L;

        ActionResult result = harness().execute(request("contract-budget-1", ActionType.INCREASE_BUDGET,
                EntityType.CAMPAIGN, campaign.id(), new Change.SetBudget(BudgetPeriod.DAILY, new Money(target, "USD"))));

        assertThat(campaign.dailyBudgetMicros()).isEqualTo(target);
        assertThat(result.idempotencyKey()).isEqualTo("contract-budget-1");
        assertThat(result.rawResponses()).isNotEmpty();
    }

    @Test
    default void repeatingAnActionWithItsKeyLeavesTheSameState() {
        SimulatedCampaign campaign = activeCampaign();
        long target = campaign.dailyBudgetMicros() / 2 / 10_000 * 10_000;
        ActionRequest request = request("contract-budget-2", ActionType.REDUCE_BUDGET, EntityType.CAMPAIGN,
                campaign.id(), new Change.SetBudget(BudgetPeriod.DAILY, new Money(target, "USD")));

        harness().execute(request);
        harness().execute(request);

        assertThat(campaign.dailyBudgetMicros()).isEqualTo(target);
    }

    @Test
    default void pausesAndResumesACampaign() {
        SimulatedCampaign campaign = activeCampaign();

        harness().execute(request("contract-status-1", ActionType.UPDATE_STATUS, EntityType.CAMPAIGN, campaign.id(),
                new Change.SetStatus(EntityStatus.PAUSED)));
        assertThat(campaign.status()).isEqualTo(EntityStatus.PAUSED);

        harness().execute(request("contract-status-2", ActionType.UPDATE_STATUS, EntityType.CAMPAIGN, campaign.id(),
                new Change.SetStatus(EntityStatus.ACTIVE)));
        assertThat(campaign.status()).isEqualTo(EntityStatus.ACTIVE);
    }

    @Test
    default void setsAnAdSetBid() {
        SimulatedCampaign campaign = activeCampaign();
        long target = campaign.bidMicros() + 250_000L;

        harness().execute(request("contract-bid-1", ActionType.INCREASE_BID, EntityType.ADSET,
                campaign.profile().adSetId(), new Change.SetBid(new Money(target, "USD"))));

        assertThat(campaign.bidMicros()).isEqualTo(target);
    }

    @Test
    default void pauseAllPausesEveryActiveCampaignAndTouchesNoOther() {
        Set<String> active = harness().account().campaigns().stream().filter(c -> c.status() == EntityStatus.ACTIVE)
                .map(SimulatedCampaign::id).collect(Collectors.toSet());

        harness().execute(request("contract-pause-all", ActionType.PAUSE_ALL, EntityType.ACCOUNT,
                harness().plugin().accountId(), new Change.SetStatus(EntityStatus.PAUSED)));

        assertThat(harness().account().campaigns()).allSatisfy(c -> assertThat(c.status()).isEqualTo(EntityStatus.PAUSED));
        assertThat(harness().state().mutations()).extracting(m -> m.entityId())
                .isNotEmpty().allSatisfy(id -> assertThat(active).contains(id));
    }

    @Test
    default void refusesAChangeToACampaignThePlatformDoesNotKnow() {
        Failure failure = failure(() -> harness().execute(request("contract-unknown", ActionType.UPDATE_BUDGET,
                EntityType.CAMPAIGN, "999000111", new Change.SetBudget(BudgetPeriod.DAILY, new Money(50_000_000, "USD")))))
                .failure();

        assertThat(failure).isEqualTo(Failure.REJECTED);
    }
}
