package ai.stratum.server.analytics;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Loading exchange rates: shared by every tenant, so only a super admin writes them. */
@MicronautTest(transactional = false)
class FxRatesTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String UPSERT = "mutation($r: [FxRateInput!]!) { upsertFxRates(rates: $r) }";

    private GraphQLClient superAdmin;
    private GraphQLClient tenantAdmin;
    private GraphQLClient viewer;

    @BeforeAll
    void aTenantWithAnAdminAndAViewer() {
        superAdmin = graphql().withToken(loginAsAdmin());
        String tenant = superAdmin.execute("mutation($n: String!) { createTenant(input: { name: $n }) { id } }",
                Map.of("n", unique("Rates"))).assertNoErrors().data("createTenant.id");
        tenantAdmin = userIn(tenant, "TENANT_ADMIN");
        viewer = userIn(tenant, "VIEWER");
    }

    @Test
    void onlyASuperAdminLoadsRatesAndIsRefusedBeforeTheInputIsRead() {
        Map<String, Object> bad = rate("CHF", "CHF", "2025-01-01", -1, "");

        assertThat(tenantAdmin.execute(UPSERT, Map.of("r", List.of(rate("CHF", "SEK", "2025-01-01", 11.2, "SNB")))).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(tenantAdmin.execute(UPSERT, Map.of("r", List.of(bad))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(viewer.execute(UPSERT, Map.of("r", List.of(bad))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(graphql().execute(UPSERT, Map.of("r", List.of(bad))).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void loadsARateAndReplacesItForTheSamePairAndDay() throws SQLException {
        var first = superAdmin.execute(UPSERT, Map.of("r", List.of(rate("chf", "sek", "2025-01-06", 11.8, "SNB"))));
        Map<String, Object> again = new HashMap<>(rate("CHF", "SEK", "2025-01-06", 11.8123, "Riksbank"));
        again.put("fetchedAt", "2025-01-06T16:00:00Z");
        var second = superAdmin.execute(UPSERT, Map.of("r", List.of(again)));

        assertThat((Integer) first.assertNoErrors().data("upsertFxRates")).isEqualTo(1);
        assertThat((Integer) second.assertNoErrors().data("upsertFxRates")).isEqualTo(1);
        try (Connection owner = TestDatabase.ownerConnection();
             PreparedStatement query = owner.prepareStatement("SELECT rate, source, fetched_at FROM fx_rates "
                     + "WHERE base_currency = 'CHF' AND quote_currency = 'SEK' AND date = '2025-01-06'");
             ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBigDecimal("rate")).isEqualByComparingTo(new BigDecimal("11.8123"));
            assertThat(rows.getString("source")).isEqualTo("Riksbank");
            assertThat(rows.getObject("fetched_at", OffsetDateTime.class).toInstant()).hasToString("2025-01-06T16:00:00Z");
            assertThat(rows.next()).as("one row per pair and day").isFalse();
        }
    }

    @Test
    void eachLoadIsInTheAuditTrail() throws SQLException {
        superAdmin.execute(UPSERT, Map.of("r", List.of(rate("NOK", "DKK", "2025-01-02", 0.63, "Norges Bank"),
                rate("NOK", "DKK", "2025-01-03", 0.631, "Norges Bank")))).assertNoErrors();

        try (Connection owner = TestDatabase.ownerConnection();
             PreparedStatement query = owner.prepareStatement("SELECT details->>'count' AS n, details->>'pairs' AS pairs "
                     + "FROM audit_events WHERE action = 'fx_rates.upserted' AND details->>'pairs' = 'NOK/DKK'");
             ResultSet rows = query.executeQuery()) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString("n")).isEqualTo("2");
        }
    }

    @Test
    void nothingToLoadWritesNothing() {
        assertThat((Integer) superAdmin.execute(UPSERT, Map.of("r", List.of())).assertNoErrors().data("upsertFxRates")).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not a currency          | EURO | USD | 1.1  | ECB  | rates[1].base",
            "an unknown currency     | EUR  | XYZ | 1.1  | ECB  | rates[1].quote",
            "a pair of one currency  | EUR  | EUR | 1    | ECB  | rates[1].quote",
            "a zero rate             | EUR  | PLN | 0    | ECB  | rates[1].rate",
            "a negative rate         | EUR  | PLN | -4.2 | ECB  | rates[1].rate",
            "no source               | EUR  | PLN | 4.2  | '  ' | rates[1].source"})
    void refusesABadRateNamingIt(String why, String base, String quote, double rate, String source, String field) {
        var result = superAdmin.execute(UPSERT, Map.of("r", List.of(rate("EUR", "PLN", "2025-01-01", 4.2, "ECB"),
                rate(base, quote, "2025-01-01", rate, source))));

        assertThat(result.errorCode()).as(why).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).as(why).isEqualTo(field);
    }

    @Test
    void refusesTheSamePairAndDayTwiceInOneLoad() {
        var result = superAdmin.execute(UPSERT, Map.of("r", List.of(rate("EUR", "HUF", "2025-01-01", 410, "ECB"),
                rate("EUR", "HUF", "2025-01-02", 411, "ECB"), rate("EUR", "HUF", "2025-01-01", 409, "MNB"))));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).isEqualTo("rates[2]");
        assertThat(result.errorMessage()).contains("rates[0]");
    }

    @Test
    void refusesTooManyRatesInOneCall() {
        List<Map<String, Object>> rates = new ArrayList<>();
        IntStream.range(0, FxRateInputs.MAX_RATES + 1)
                .forEach(day -> rates.add(rate("EUR", "CZK", java.time.LocalDate.of(2000, 1, 1).plusDays(day).toString(), 25, "ECB")));

        var result = superAdmin.execute(UPSERT, Map.of("r", rates));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).isEqualTo("rates");
    }

    private static Map<String, Object> rate(String base, String quote, String date, double rate, String source) {
        return Map.of("base", base, "quote", quote, "date", date, "rate", rate, "source", source);
    }

    private GraphQLClient userIn(String tenant, String role) {
        String email = unique(role.toLowerCase()) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return graphql().withToken(login(email, PASSWORD));
    }
}
