package ai.stratum.plugins.tiktok;

import static ai.stratum.plugins.tiktok.TikTokTestPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignParserTest {

    private static String campaign(String operationStatus, String secondaryStatus, String budget, String budgetMode) {
        return "{\"campaign_id\":\"1\",\"campaign_name\":\"c\",\"objective_type\":\"REACH\""
                + (operationStatus.isEmpty() ? "" : ",\"operation_status\":\"" + operationStatus + "\"")
                + ",\"secondary_status\":\"" + secondaryStatus + "\",\"budget\":" + budget
                + ",\"budget_mode\":\"" + budgetMode + "\"}";
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "ENABLE,  CAMPAIGN_STATUS_ENABLE,        ACTIVE",
            "ENABLE,  CAMPAIGN_STATUS_BUDGET_EXCEED, ACTIVE",
            "DISABLE, CAMPAIGN_STATUS_DISABLE,       PAUSED",
            "ENABLE,  CAMPAIGN_STATUS_DELETE,        DELETED",
            "DISABLE, CAMPAIGN_STATUS_DELETE,        DELETED",
            "'',      CAMPAIGN_STATUS_ENABLE,        ACTIVE",
            "'',      CAMPAIGN_STATUS_DISABLE,       PAUSED"
    })
    void mapsOperationAndSecondaryStatus(String operation, String secondary, EntityStatus expected) {
        assertThat(CampaignParser.status(json(campaign(operation, secondary, "0", "BUDGET_MODE_INFINITE"))))
                .isEqualTo(expected);
    }

    @Test
    void refusesAStatusItCannotPlace() {
        ConnectorException failure = catchThrowableOfType(ConnectorException.class, () -> CampaignParser.status(
                json(campaign("", "CAMPAIGN_STATUS_SOMETHING_NEW", "0", "BUDGET_MODE_INFINITE"))));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} micros")
    @CsvSource({
            "350.0,      BUDGET_MODE_DAY,                   DAILY,    350000000",
            "0.01,       BUDGET_MODE_DAY,                   DAILY,    10000",
            "1234567.89, BUDGET_MODE_TOTAL,                 LIFETIME, 1234567890000",
            "\"99.99\",  BUDGET_MODE_DYNAMIC_DAILY_BUDGET,  DAILY,    99990000"
    })
    void readsBudgetsExactly(String budget, String mode, BudgetPeriod period, long micros) {
        assertThat(CampaignParser.parse(json(campaign("ENABLE", "CAMPAIGN_STATUS_ENABLE", budget, mode)), "USD").budgets())
                .containsExactly(new Budget(period, new Money(micros, "USD")));
    }

    @Test
    void givesAnUnlimitedCampaignNoBudgetOfItsOwn() {
        assertThat(CampaignParser.parse(json(campaign("ENABLE", "CAMPAIGN_STATUS_ENABLE", "0.0", "BUDGET_MODE_INFINITE")),
                "USD").budgets()).isEmpty();
    }

    @Test
    void readsAYenBudgetWithoutMinorUnits() {
        assertThat(CampaignParser.parse(json(campaign("ENABLE", "CAMPAIGN_STATUS_ENABLE", "5000", "BUDGET_MODE_DAY")), "JPY")
                .budgets()).containsExactly(new Budget(BudgetPeriod.DAILY, new Money(5_000_000_000L, "JPY")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"campaign_name\":\"c\",\"operation_status\":\"ENABLE\"}",
            "{\"campaign_id\":\"1\",\"operation_status\":\"ENABLE\"}",
            "{\"campaign_id\":\"1\",\"campaign_name\":\"c\",\"operation_status\":\"ENABLE\",\"budget_mode\":\"BUDGET_MODE_WEEK\",\"budget\":1}",
            "{\"campaign_id\":\"1\",\"campaign_name\":\"c\",\"operation_status\":\"ENABLE\",\"budget_mode\":\"BUDGET_MODE_DAY\"}",
            "{\"campaign_id\":\"1\",\"campaign_name\":\"c\",\"operation_status\":\"ENABLE\",\"budget_mode\":\"BUDGET_MODE_DAY\",\"budget\":\"lots\"}"
    })
    void refusesACampaignWithoutTheFieldsItNeeds(String campaign) {
        ConnectorException failure = catchThrowableOfType(ConnectorException.class,
                () -> CampaignParser.parse(json(campaign), "USD"));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }
}
