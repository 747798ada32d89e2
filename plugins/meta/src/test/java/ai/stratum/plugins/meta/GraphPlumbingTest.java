package ai.stratum.plugins.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Money;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.plugin.api.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphPlumbingTest {

    @Test
    void buildsEveryUrlOnTheConfiguredBaseWithTheVersionedPath() {
        GraphUrls urls = GraphUrls.of(TestContexts.standard().context(PlatformEndpoints.of(
                "http://localhost:8089/", "https://login.example:8443", "http://tokens.example"), Credentials.none()));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "id,name");
        query.put("time_range", "{\"since\":\"2026-09-01\"}");

        assertThat(urls.api("act_1/campaigns", query)).hasToString(
                "http://localhost:8089/v25.0/act_1/campaigns?fields=id%2Cname&time_range=%7B%22since%22%3A%222026-09-01%22%7D");
        assertThat(urls.authorization("dialog/oauth", Map.of())).hasToString("https://login.example:8443/v25.0/dialog/oauth");
        assertThat(urls.token("oauth/access_token", Map.of())).hasToString("http://tokens.example/v25.0/oauth/access_token");
    }

    @ParameterizedTest
    @CsvSource({"102938475610293, act_102938475610293", "act_42, act_42"})
    void addressesAnAdAccountWithTheActPrefix(String accountId, String node) {
        assertThat(GraphIds.adAccount(accountId)).isEqualTo(node);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "act_", "act_12a", "12/34", "../me", "act_1?x=1", "me"})
    void refusesIdsThatCouldChangeThePathCalled(String id) {
        assertThatThrownBy(() -> GraphIds.adAccount(id)).isInstanceOf(ConnectorException.class);
        assertThatThrownBy(() -> GraphIds.node(id)).isInstanceOf(ConnectorException.class);
    }

    @ParameterizedTest
    @CsvSource({"USD, QVFIUkNhT0otRnBTdWRmM3ZAkQmZA6RVhfMVRHNXNWblBsN3dPZAGhBMGZAoR0o3ZAVFrOWdsUjZAB", "JPY, MjQZD",
            "EUR, a:b:c=="})
    void carriesTheCurrencyAndMetasCursorThroughThePageCursor(String currency, String after) {
        String cursor = new PageCursor(currency, after).encode();

        assertThat(PageCursor.decode(cursor)).isEqualTo(new PageCursor(currency, after));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MjQZD", "!!!", "VVNE"})
    void refusesACursorItDidNotMake(String cursor) {
        assertThatThrownBy(() -> PageCursor.decode(cursor)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"500.00, USD, 50000", "0.01, USD, 1", "45000, JPY, 45000", "1.234, KWD, 1234", "12, USD, 1200"})
    void writesBudgetsInWholeMinorUnits(String amount, String currency, String minorUnits) {
        assertThat(MetaMoney.toMinorUnits(Money.parse(amount, currency))).isEqualTo(minorUnits);
    }

    @Test
    void refusesABudgetWithAFractionOfACent() {
        assertThatThrownBy(() -> MetaMoney.toMinorUnits(Money.parse("10.005", "USD")))
                .isInstanceOf(ConnectorException.class)
                .extracting(failure -> ((ConnectorException) failure).failure())
                .isEqualTo(ConnectorException.Failure.REJECTED);
    }

    @ParameterizedTest
    @CsvSource({"45000, USD, 450000000", "1, USD, 10000", "45000, JPY, 45000000000", "1234, KWD, 1234000"})
    void readsMinorUnitsExactly(long minorUnits, String currency, long micros) {
        assertThat(MetaMoney.fromMinorUnits(minorUnits, currency, "a budget")).isEqualTo(new Money(micros, currency));
    }
}
