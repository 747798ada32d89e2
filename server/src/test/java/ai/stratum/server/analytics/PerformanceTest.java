package ai.stratum.server.analytics;

import ai.stratum.server.analytics.CampaignData.Day;
import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Unified performance as a dashboard reads it: campaigns on several platforms, some in euros, summed
 * in the tenant's dollars through the exchange rates a super admin loaded.
 */
@MicronautTest(transactional = false)
class PerformanceTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String QUERY = "query($in: PerformanceInput!) { performance(input: $in) { platform accountId campaignId "
            + "campaignName date spend spendMicros impressions clicks conversions revenue revenueMicros ctr cpc cpa roas currency "
            + "fx { base quote rate rateDate source appliedFrom appliedTo } } }";
    private static final LocalDate MAR_1 = LocalDate.of(2025, 3, 1);
    private static final LocalDate MAR_2 = MAR_1.plusDays(1);
    private static final LocalDate MAR_3 = MAR_1.plusDays(2);
    /** EUR/USD as loaded: nothing for March 3rd, whose euros are converted at March 2nd's rate. */
    private static final Map<LocalDate, BigDecimal> EUR_USD = Map.of(
            MAR_1, new BigDecimal("1.0823"), MAR_2, new BigDecimal("1.0791"), MAR_3, new BigDecimal("1.0791"));

    private final List<Day> daysA = new ArrayList<>();
    private GraphQLClient superAdmin;
    private GraphQLClient viewerA;
    private GraphQLClient viewerB;
    private GraphQLClient viewerGbp;
    private GraphQLClient viewerJpy;

    @BeforeAll
    void tenantsWithCampaignsAndRates() {
        superAdmin = graphql().withToken(loginAsAdmin());
        String tenantA = tenant("USD");
        viewerA = userIn(tenantA, "VIEWER");
        CampaignData a = new CampaignData(tenantA);
        a.campaign("META", "act_1", "m1", "Prospecting", "ACTIVE", 100_000_000L, "USD");
        a.campaign("META", "act_1", "m2", "Retargeting", "ACTIVE", 50_000_000L, "USD");
        a.campaign("META", "act_2", "m3", "Brand awareness", "PAUSED", 10_000_000L, "USD");
        a.campaign("GOOGLE", "111-222-3333", "g1", "Search", "ACTIVE", 80_000_000L, "EUR");
        a.campaign("GOOGLE", "111-222-3333", "g2", "Performance Max", "ACTIVE", null, "EUR");
        a.campaign("TIKTOK", "tt_1", "t1", "Launch", "ACTIVE", 5_000_000L, "USD");
        for (LocalDate date : List.of(MAR_1, MAR_2, MAR_3)) {
            int n = date.getDayOfMonth();
            daysA.add(new Day("META", "act_1", "m1", "Prospecting", date, "USD", 12_345_678L * n, 40_000_001L * n, 10_000 * n, 250 * n, 7 * n));
            daysA.add(new Day("META", "act_1", "m2", "Retargeting", date, "USD", 3_000_000L + n, 9_999_999L, 2_000, 31 + n, n));
            // seen but never clicked
            daysA.add(new Day("META", "act_2", "m3", "Brand awareness", date, "USD", 1_500_000L, 0, 5_000 * n, 0, 0));
            daysA.add(new Day("GOOGLE", "111-222-3333", "g1", "Search", date, "EUR", 20_000_003L * n, 55_555_555L, 3_000, 120, 4.5));
            daysA.add(new Day("GOOGLE", "111-222-3333", "g2", "Performance Max", date, "EUR", 7_777_777L, 12_345_679L * n, 8_000, 64, 1.5));
            // set up, never delivered
            daysA.add(new Day("TIKTOK", "tt_1", "t1", "Launch", date, "USD", 0, 0, 0, 0, 0));
            // synced performance of a campaign whose settings were not synced (yet)
            daysA.add(new Day("SNAPCHAT", null, "s9", null, date, "USD", 1_000_000L, 2_000_000L, 400, 4, 0.5));
        }
        daysA.forEach(a::day);
        // outside the range asked for
        a.day(new Day("META", "act_1", "m1", "Prospecting", MAR_1.minusDays(1), "USD", 999_000_000L, 0, 1, 1, 1));
        a.day(new Day("GOOGLE", "111-222-3333", "g1", "Search", MAR_3.plusDays(1), "EUR", 999_000_000L, 0, 1, 1, 1));

        String tenantB = tenant("EUR");
        viewerB = userIn(tenantB, "VIEWER");
        CampaignData b = new CampaignData(tenantB);
        b.campaign("META", "act_b", "b1", "Other tenant", "ACTIVE", 1_000_000L, "EUR");
        b.day(new Day("META", "act_b", "b1", "Other tenant", MAR_2, "EUR", 4_000_000L, 8_000_000L, 100, 10, 2));

        String tenantGbp = tenant("GBP");
        viewerGbp = userIn(tenantGbp, "VIEWER");
        CampaignData gbp = new CampaignData(tenantGbp);
        gbp.campaign("META", "act_us", "u1", "US launch", "ACTIVE", 1_000_000L, "USD");
        gbp.day(new Day("META", "act_us", "u1", "US launch", MAR_2, "USD", 10_000_000L, 25_000_000L, 1_000, 10, 1));

        String tenantJpy = tenant("USD");
        viewerJpy = userIn(tenantJpy, "VIEWER");
        CampaignData jpy = new CampaignData(tenantJpy);
        jpy.campaign("TIKTOK", "tt_jp", "j1", "Tokyo", "ACTIVE", 1_000_000_000L, "JPY");
        jpy.day(new Day("TIKTOK", "tt_jp", "j1", "Tokyo", MAR_2, "JPY", 1_500_000_000L, 0, 100, 1, 0));
        jpy.day(new Day("TIKTOK", "tt_jp", "j1", "Tokyo", MAR_3.plusDays(2), "JPY", 3_000_000_000L, 0, 100, 1, 0));

        superAdmin.execute("mutation($r: [FxRateInput!]!) { upsertFxRates(rates: $r) }", Map.of("r", List.of(
                rate("EUR", "USD", MAR_1, 1.0823, "ECB"),
                rate("EUR", "USD", MAR_2, 1.0791, "ECB"),
                // later than every day asked for: never used for them
                rate("EUR", "USD", MAR_3.plusDays(1), 1.2, "ECB"),
                // the opposite pair, as new as the direct one: the direct one wins
                rate("USD", "EUR", MAR_1, 0.5, "Other"),
                // for the pound tenant: only the opposite pair is as new as the day
                rate("GBP", "USD", MAR_2, 1.25, "BoE"),
                rate("USD", "GBP", MAR_1, 0.5, "Older"),
                // for the yen tenant: a rate after its first day only
                rate("JPY", "USD", MAR_3.plusDays(1), 0.0066, "ECB")))).assertNoErrors();
    }

    static Stream<List<String>> everyGrouping() {
        List<String> dimensions = List.of("PLATFORM", "ACCOUNT", "CAMPAIGN", "DATE");
        return Stream.iterate(0, mask -> mask < 16, mask -> mask + 1)
                .map(mask -> dimensions.stream().filter(d -> (mask & (1 << dimensions.indexOf(d))) != 0).toList());
    }

    @ParameterizedTest(name = "groupBy {0}")
    @MethodSource("everyGrouping")
    void everyGroupingSumsExactlyToTheConvertedDays(List<String> groupBy) {
        List<Map<String, Object>> rows = performance(viewerA, input(MAR_1, MAR_3, null, groupBy));

        Map<List<Object>, Totals> expected = expected(daysA, groupBy);
        Map<List<Object>, Totals> actual = new LinkedHashMap<>();
        rows.forEach(row -> actual.put(key(row), Totals.of(row)));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.values().stream().mapToLong(Totals::spendMicros).sum())
                .as("the rows add up to the ungrouped total").isEqualTo(total(daysA).spendMicros());
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("currency", "USD"));
    }

    @Test
    void dimensionsNotGroupedByAreNullAndAGroupCarriesTheLevelsAboveIt() {
        List<Map<String, Object>> byAccount = performance(viewerA, input(MAR_1, MAR_3, null, List.of("ACCOUNT")));
        List<Map<String, Object>> byCampaign = performance(viewerA, input(MAR_1, MAR_3, null, List.of("CAMPAIGN")));

        assertThat(byAccount).extracting(row -> Arrays.asList(row.get("platform"), row.get("accountId"), row.get("campaignId"),
                row.get("date"))).containsExactly(
                Arrays.asList("GOOGLE", "111-222-3333", null, null), Arrays.asList("META", "act_1", null, null),
                Arrays.asList("META", "act_2", null, null), Arrays.asList("SNAPCHAT", null, null, null),
                Arrays.asList("TIKTOK", "tt_1", null, null));
        assertThat(byCampaign).filteredOn(row -> "m2".equals(row.get("campaignId"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("platform", "META").containsEntry("accountId", "act_1")
                        .containsEntry("campaignName", "Retargeting").containsEntry("date", null));
        assertThat(byCampaign).filteredOn(row -> "s9".equals(row.get("campaignId"))).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("accountId", null).containsEntry("campaignName", null));
    }

    @ParameterizedTest(name = "groupBy {0}")
    @CsvSource({"DATE PLATFORM", "PLATFORM DATE", "CAMPAIGN DATE", "DATE CAMPAIGN"})
    void rowsAreSortedByTheDimensionsInTheOrderAsked(String groupBy) {
        List<String> dimensions = List.of(groupBy.split(" "));
        List<Map<String, Object>> rows = performance(viewerA, input(MAR_1, MAR_3, null, dimensions));

        List<String> sortKeys = rows.stream().map(row -> dimensions.stream().map(d -> switch (d) {
            case "DATE" -> (String) row.get("date");
            case "PLATFORM" -> (String) row.get("platform");
            default -> row.get("platform") + "/" + row.get("campaignId");
        }).reduce((x, y) -> x + " " + y).orElseThrow()).toList();
        assertThat(sortKeys).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void ratiosComeFromTheGroupsSumsAndAreNullWhereUndefined() {
        List<Map<String, Object>> rows = performance(viewerA, input(MAR_1, MAR_3, null, List.of("CAMPAIGN")));
        Map<String, Map<String, Object>> byCampaign = new HashMap<>();
        rows.forEach(row -> byCampaign.put((String) row.get("campaignId"), row));

        assertThat(byCampaign.get("t1")).containsEntry("ctr", null).containsEntry("cpc", null).containsEntry("cpa", null)
                .containsEntry("roas", null).containsEntry("spend", 0.0);
        assertThat(byCampaign.get("m3")).containsEntry("ctr", 0.0).containsEntry("cpc", null).containsEntry("cpa", null)
                .containsEntry("roas", 0.0);
        for (String campaign : List.of("m1", "m2", "g1", "g2", "s9")) {
            Totals totals = expected(daysA, List.of("CAMPAIGN")).entrySet().stream()
                    .filter(entry -> campaign.equals(entry.getKey().get(2))).findFirst().orElseThrow().getValue();
            PerformanceRatios want = PerformanceRatios.of(totals.asPerformanceTotals());
            Map<String, Object> row = byCampaign.get(campaign);
            assertThat(ratio(row, "ctr")).as(campaign + " ctr").isEqualTo(want.ctr());
            assertThat(ratio(row, "cpc")).as(campaign + " cpc").isEqualTo(want.cpc());
            assertThat(ratio(row, "cpa")).as(campaign + " cpa").isEqualTo(want.cpa());
            assertThat(ratio(row, "roas")).as(campaign + " roas").isEqualTo(want.roas());
        }
        // m1's daily CPCs average to a different number than its total spend over its total clicks
        assertThat(((Number) byCampaign.get("m1").get("cpc")).doubleValue()).isCloseTo(74_074_068 / 1e6 / 1500, within(1e-12));
    }

    @Test
    void amountsAreInTheTenantsCurrencyWithTheRateSourceAndDayShown() {
        List<Map<String, Object>> rows = performance(viewerA, input(MAR_1, MAR_3, List.of("GOOGLE"), List.of("CAMPAIGN", "DATE")));

        Map<String, Object> g1OnMar3 = rows.stream()
                .filter(row -> "g1".equals(row.get("campaignId")) && MAR_3.toString().equals(row.get("date"))).findFirst().orElseThrow();
        assertThat(g1OnMar3).containsEntry("currency", "USD");
        assertThat(((Number) g1OnMar3.get("spendMicros")).longValue())
                .isEqualTo(new BigDecimal(60_000_009L).multiply(new BigDecimal("1.0791")).setScale(0, RoundingMode.HALF_UP).longValueExact());
        assertThat(fx(g1OnMar3)).containsExactly(conversion("EUR", "USD", 1.0791, MAR_2, "ECB", MAR_3, MAR_3));
        Map<String, Object> g1OnMar1 = rows.stream()
                .filter(row -> "g1".equals(row.get("campaignId")) && MAR_1.toString().equals(row.get("date"))).findFirst().orElseThrow();
        assertThat(fx(g1OnMar1)).as("the direct pair wins over an opposite pair of the same day")
                .containsExactly(conversion("EUR", "USD", 1.0823, MAR_1, "ECB", MAR_1, MAR_1));
    }

    @Test
    void aRowListsEachRateItUsedWithTheDaysItConverted() {
        Map<String, Object> total = performance(viewerA, input(MAR_1, MAR_3, null, List.of())).get(0);
        Map<String, Object> meta = performance(viewerA, input(MAR_1, MAR_3, List.of("META"), List.of())).get(0);

        assertThat(fx(total)).containsExactly(
                conversion("EUR", "USD", 1.0823, MAR_1, "ECB", MAR_1, MAR_1),
                conversion("EUR", "USD", 1.0791, MAR_2, "ECB", MAR_2, MAR_3));
        assertThat(fx(meta)).as("all in dollars already").isEmpty();
    }

    @Test
    void anOppositePairNewerThanTheDirectOneIsDividedBy() {
        Map<String, Object> total = performance(viewerGbp, input(MAR_2, MAR_2, null, List.of())).get(0);

        assertThat(total).containsEntry("currency", "GBP").containsEntry("spend", 8.0).containsEntry("revenue", 20.0)
                .containsEntry("roas", 2.5);
        assertThat(fx(total)).containsExactly(conversion("GBP", "USD", 1.25, MAR_2, "BoE", MAR_2, MAR_2));
    }

    @Test
    void anAmountWithNoRateOnOrBeforeItsDayFailsNamingThePairAndDay() {
        var failed = viewerJpy.execute(QUERY, Map.of("in", input(MAR_1, MAR_3.plusDays(2), null, List.of("DATE"))));
        var covered = viewerJpy.execute(QUERY, Map.of("in", input(MAR_3.plusDays(1), MAR_3.plusDays(2), null, List.of())))
                .assertNoErrors();

        assertThat(failed.errorCode()).isEqualTo("CONFLICT");
        assertThat(failed.errorMessage()).contains("JPY", "USD", "on or before " + MAR_2);
        assertThat((Object) failed.data("performance")).isNull();
        assertThat(((Number) covered.data("performance.0.spendMicros")).longValue()).isEqualTo(19_800_000L);
    }

    @Test
    void aTenantSeesOnlyItsOwnPerformance() {
        Map<String, Object> b = performance(viewerB, input(MAR_1, MAR_3, null, List.of())).get(0);
        List<Map<String, Object>> bByCampaign = performance(viewerB, input(MAR_1, MAR_3, null, List.of("CAMPAIGN")));

        assertThat(b).containsEntry("currency", "EUR").containsEntry("spendMicros", 4_000_000).containsEntry("clicks", 10);
        assertThat(fx(b)).isEmpty();
        assertThat(bByCampaign).extracting(row -> row.get("campaignId")).containsExactly("b1");
    }

    @Test
    void platformsNarrowTheRows() {
        List<String> platforms = List.of("META", "TIKTOK");
        List<Map<String, Object>> rows = performance(viewerA, input(MAR_1, MAR_3, platforms, List.of("PLATFORM")));

        List<Day> metaAndTiktok = daysA.stream().filter(day -> platforms.contains(day.platform())).toList();
        assertThat(rows).extracting(row -> row.get("platform")).containsExactly("META", "TIKTOK");
        assertThat(rows.stream().mapToLong(row -> ((Number) row.get("spendMicros")).longValue()).sum())
                .isEqualTo(total(metaAndTiktok).spendMicros());
    }

    @Test
    void noPerformanceIsOneRowOfZerosOrNoGroups() {
        List<Map<String, Object>> totals = performance(viewerA, input(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), null, null));
        List<Map<String, Object>> grouped = performance(viewerA, input(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31), null,
                List.of("DATE")));

        assertThat(totals).singleElement().satisfies(row -> assertThat(row).containsEntry("spendMicros", 0)
                .containsEntry("impressions", 0).containsEntry("ctr", null).containsEntry("roas", null).containsEntry("currency", "USD"));
        assertThat(grouped).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "from after to                 | { from: \"2025-03-02\", to: \"2025-03-01\" }                                  | input.to",
            "732 days                      | { from: \"2024-01-01\", to: \"2026-01-01\" }                                  | input.to",
            "the same dimension twice      | { from: \"2025-03-01\", to: \"2025-03-02\", groupBy: [DATE, PLATFORM, DATE] } | input.groupBy",
            "the same platform twice       | { from: \"2025-03-01\", to: \"2025-03-02\", platforms: [META, META] }         | input.platforms",
            "no platform                   | { from: \"2025-03-01\", to: \"2025-03-02\", platforms: [] }                   | input.platforms"})
    void refusesBadInputNamingTheField(String why, String input, String field) {
        var result = viewerA.execute("{ performance(input: " + input + ") { spend } }");

        assertThat(result.errorCode()).as(why).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).as(why).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not a day      | { from: \"2025-02-30\", to: \"2025-03-01\" }",
            "not a platform | { from: \"2025-03-01\", to: \"2025-03-01\", platforms: [BING] }",
            "no range       | { groupBy: [DATE] }"})
    void refusesMalformedInput(String why, String input) {
        assertThat(viewerA.execute("{ performance(input: " + input + ") { spend } }").errorCode()).as(why).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void strangersAreRefused() {
        assertThat(graphql().execute(QUERY, Map.of("in", input(MAR_1, MAR_3, null, null))).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    // --- the expected answer, computed here the plain way: convert each day, then add up ---

    private static Map<List<Object>, Totals> expected(List<Day> days, List<String> groupBy) {
        Map<List<Object>, Totals> expected = new LinkedHashMap<>();
        for (Day day : days) {
            expected.merge(key(day, groupBy), Totals.of(day), Totals::plus);
        }
        return expected;
    }

    private static Totals total(List<Day> days) {
        return days.stream().map(Totals::of).reduce(Totals.ZERO, Totals::plus);
    }

    private static List<Object> key(Day day, List<String> groupBy) {
        boolean platform = groupBy.stream().anyMatch(d -> !d.equals("DATE"));
        boolean account = groupBy.contains("ACCOUNT") || groupBy.contains("CAMPAIGN");
        boolean campaign = groupBy.contains("CAMPAIGN");
        return Arrays.asList(platform ? day.platform() : null, account ? day.account() : null, campaign ? day.campaign() : null,
                campaign ? day.name() : null, groupBy.contains("DATE") ? day.date().toString() : null);
    }

    private static List<Object> key(Map<String, Object> row) {
        return Arrays.asList(row.get("platform"), row.get("accountId"), row.get("campaignId"), row.get("campaignName"), row.get("date"));
    }

    private static long usd(long micros, Day day) {
        if (day.currency().equals("USD")) {
            return micros;
        }
        return new BigDecimal(micros).multiply(EUR_USD.get(day.date())).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private record Totals(long spendMicros, long revenueMicros, long impressions, long clicks, double conversions) {

        static final Totals ZERO = new Totals(0, 0, 0, 0, 0);

        static Totals of(Day day) {
            return new Totals(usd(day.spendMicros(), day), usd(day.revenueMicros(), day), day.impressions(), day.clicks(),
                    day.conversions());
        }

        static Totals of(Map<String, Object> row) {
            Totals totals = new Totals(number(row, "spendMicros").longValue(), number(row, "revenueMicros").longValue(),
                    number(row, "impressions").longValue(), number(row, "clicks").longValue(), number(row, "conversions").doubleValue());
            // the decimal amounts are the micros, in units
            assertThat(number(row, "spend").doubleValue()).isEqualTo(totals.spendMicros / 1e6);
            assertThat(number(row, "revenue").doubleValue()).isEqualTo(totals.revenueMicros / 1e6);
            return totals;
        }

        Totals plus(Totals other) {
            return new Totals(spendMicros + other.spendMicros, revenueMicros + other.revenueMicros, impressions + other.impressions,
                    clicks + other.clicks, conversions + other.conversions);
        }

        PerformanceTotals asPerformanceTotals() {
            return new PerformanceTotals(spendMicros, revenueMicros, impressions, clicks, conversions);
        }
    }

    // --- client plumbing ---

    private List<Map<String, Object>> performance(GraphQLClient client, Map<String, Object> input) {
        return client.execute(QUERY, Map.of("in", input)).assertNoErrors().data("performance");
    }

    private static Map<String, Object> input(LocalDate from, LocalDate to, List<String> platforms, List<String> groupBy) {
        Map<String, Object> input = new HashMap<>(Map.of("from", from.toString(), "to", to.toString()));
        if (platforms != null) {
            input.put("platforms", platforms);
        }
        if (groupBy != null) {
            input.put("groupBy", groupBy);
        }
        return input;
    }

    private static Map<String, Object> rate(String base, String quote, LocalDate date, double rate, String source) {
        return Map.of("base", base, "quote", quote, "date", date.toString(), "rate", rate, "source", source);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> fx(Map<String, Object> row) {
        return (List<Map<String, Object>>) row.get("fx");
    }

    private static Map<String, Object> conversion(String base, String quote, double rate, LocalDate rateDate, String source,
                                                  LocalDate from, LocalDate to) {
        return Map.of("base", base, "quote", quote, "rate", rate, "rateDate", rateDate.toString(), "source", source,
                "appliedFrom", from.toString(), "appliedTo", to.toString());
    }

    private static OptionalDouble ratio(Map<String, Object> row, String name) {
        Object value = row.get(name);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) value).doubleValue());
    }

    private static Number number(Map<String, Object> row, String name) {
        return (Number) Objects.requireNonNull(row.get(name), name);
    }

    private String tenant(String currency) {
        return superAdmin.execute("mutation($n: String!, $c: String!) { createTenant(input: { name: $n, currency: $c }) { id } }",
                Map.of("n", unique("Performance"), "c", currency)).assertNoErrors().data("createTenant.id");
    }

    private GraphQLClient userIn(String tenant, String role) {
        String email = unique(role.toLowerCase()) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return graphql().withToken(login(email, PASSWORD));
    }
}
