package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountCollectionTest {

    private static final SyncWindow WINDOW = new SyncWindow(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-28"));

    private final AccountCollection collection = new AccountCollection("The META plugin (account act_1)", WINDOW);

    @Test
    void collectsEveryPage() {
        collection.addCampaigns(List.of(campaign("c1", "USD")));
        collection.addCampaigns(List.of(campaign("c2", "USD")));
        collection.addPerformance(List.of(row("c1", "2026-03-01", "USD"), row("c2", "2026-03-01", "USD")));
        collection.addPerformance(List.of(row("c1", "2026-03-02", "USD")));

        CollectedAccount collected = collection.complete(List.of(), Optional.empty(), Optional.empty());

        assertThat(collected.campaigns()).extracting(Campaign::id).containsExactly("c1", "c2");
        assertThat(collected.performanceRows()).isEqualTo(3);
        assertThat(collected.rows()).isEqualTo(5);
        assertThat(collected.currency()).contains("USD");
    }

    @Test
    void refusesACampaignTwice() {
        collection.addCampaigns(List.of(campaign("c1", "USD")));

        assertThatThrownBy(() -> collection.addCampaigns(List.of(campaign("c1", "USD"))))
                .isInstanceOfSatisfying(ConnectorCallException.class,
                        e -> assertThat(e.failure()).isEqualTo(CallFailure.MALFORMED_RESPONSE))
                .hasMessage("The META plugin (account act_1) returned campaign c1 twice");
    }

    @Test
    void refusesACampaignDayTwiceSoNothingIsCountedDouble() {
        collection.addCampaigns(List.of(campaign("c1", "USD")));
        collection.addPerformance(List.of(row("c1", "2026-03-05", "USD")));

        assertThatThrownBy(() -> collection.addPerformance(List.of(row("c1", "2026-03-05", "USD"))))
                .hasMessageContaining("campaign c1 on 2026-03-05 twice");
    }

    @Test
    void refusesADayOutsideTheWindow() {
        collection.addCampaigns(List.of(campaign("c1", "USD")));

        assertThatThrownBy(() -> collection.addPerformance(List.of(row("c1", "2026-02-28", "USD"))))
                .hasMessageContaining("performance of 2026-02-28 for a sync of 2026-03-01 to 2026-03-28");
    }

    @Test
    void refusesPerformanceOfAnUnlistedCampaign() {
        collection.addCampaigns(List.of(campaign("c1", "USD")));

        assertThatThrownBy(() -> collection.addPerformance(List.of(row("c9", "2026-03-05", "USD"))))
                .hasMessageContaining("campaign c9, which its campaign list does not have");
    }

    @Test
    void refusesAnAccountInTwoCurrencies() {
        collection.addCampaigns(List.of(campaign("c1", "USD"), campaign("c2", null)));

        assertThatThrownBy(() -> collection.addPerformance(List.of(row("c2", "2026-03-05", "EUR"))))
                .hasMessageContaining("in EUR, but the account's other amounts in USD");
    }

    private static Campaign campaign(String id, String budgetCurrency) {
        List<Budget> budgets = budgetCurrency == null ? List.of()
                : List.of(new Budget(BudgetPeriod.DAILY, new Money(50_000_000, budgetCurrency)));
        return new Campaign(id, "Campaign " + id, EntityStatus.ACTIVE, "SALES", budgets);
    }

    private static CampaignDailyPerformance row(String campaign, String day, String currency) {
        return new CampaignDailyPerformance(campaign, LocalDate.parse(day), new Money(1_000_000, currency), 100, 10, 1.0,
                new Money(2_000_000, currency));
    }
}
