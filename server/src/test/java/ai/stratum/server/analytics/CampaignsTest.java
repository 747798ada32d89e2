package ai.stratum.server.analytics;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaigns connection as a dashboard pages and filters it. */
@MicronautTest(transactional = false)
class CampaignsTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String PAGE = "query($first: Int, $after: String, $platform: Platform, $status: CampaignStatus) { "
            + "campaigns(first: $first, after: $after, platform: $platform, status: $status) { totalCount "
            + "edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";

    private GraphQLClient superAdmin;
    private GraphQLClient viewerA;
    private GraphQLClient viewerB;

    @BeforeAll
    void twoTenantsWithCampaigns() {
        superAdmin = graphql().withToken(loginAsAdmin());
        String tenantA = tenant("USD");
        String tenantB = tenant("EUR");
        viewerA = userIn(tenantA, "VIEWER");
        viewerB = userIn(tenantB, "VIEWER");
        CampaignData a = new CampaignData(tenantA);
        a.campaign("META", "act_1", "c1", "Spring sale", "ACTIVE", 150_500_000L, "USD");
        a.campaign("META", "act_1", "c2", "Retargeting", "PAUSED", 20_000_000L, "USD");
        a.campaign("META", "act_2", "c3", "Brand", "ACTIVE", 5_000_000L, "USD");
        a.campaign("GOOGLE", "123-456-7890", "g1", "Search old", "ARCHIVED", 1_000_000L, "EUR");
        a.campaign("GOOGLE", "123-456-7890", "g2", "Performance Max", "ACTIVE", null, "EUR");
        a.campaign("TIKTOK", "tt_1", "t1", "Launch", "DELETED", 9_000_000L, "USD");
        a.campaign("SNAPCHAT", "snap_1", "s1", "Stories", "ACTIVE", 3_000_000L, "USD");
        new CampaignData(tenantB).campaign("META", "act_b", "b1", "Other tenant's", "ACTIVE", 1_000_000L, "EUR");
    }

    @Test
    void pagesThroughEveryCampaignInPlatformAndIdOrder() {
        List<String> ids = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int pages = 0;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 3));
            if (after != null) {
                variables.put("after", after);
            }
            var page = viewerA.execute(PAGE, variables).assertNoErrors();
            List<Map<String, Map<String, Object>>> edges = page.data("campaigns.edges");
            edges.forEach(edge -> ids.add((String) edge.get("node").get("id")));
            assertThat(((Number) page.data("campaigns.totalCount")).intValue()).isEqualTo(7);
            assertThat((Boolean) page.data("campaigns.pageInfo.hasPreviousPage")).isEqualTo(after != null);
            hasNext = page.data("campaigns.pageInfo.hasNextPage");
            after = page.data("campaigns.pageInfo.endCursor");
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(ids).containsExactly("GOOGLE:g1", "GOOGLE:g2", "META:c1", "META:c2", "META:c3", "SNAPCHAT:s1", "TIKTOK:t1");
    }

    @Test
    void aPageOfNothingStillCountsAndSaysMoreFollow() {
        var page = viewerA.execute(PAGE, Map.of("first", 0)).assertNoErrors();

        assertThat((List<?>) page.data("campaigns.edges")).isEmpty();
        assertThat((Boolean) page.data("campaigns.pageInfo.hasNextPage")).isTrue();
        assertThat(((Number) page.data("campaigns.totalCount")).intValue()).isEqualTo(7);
    }

    @ParameterizedTest(name = "platform {0}, status {1} -> {2}")
    @CsvSource(nullValues = "any", value = {
            "META,     any,      META:c1 META:c2 META:c3",
            "any,      ACTIVE,   GOOGLE:g2 META:c1 META:c3 SNAPCHAT:s1",
            "META,     ACTIVE,   META:c1 META:c3",
            "GOOGLE,   ARCHIVED, GOOGLE:g1",
            "TIKTOK,   ACTIVE,   ''"})
    void filtersByPlatformAndStatus(String platform, String status, String expected) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("platform", platform);
        variables.put("status", status);
        var page = viewerA.execute(PAGE, variables).assertNoErrors();

        List<Map<String, Map<String, Object>>> edges = page.data("campaigns.edges");
        List<String> want = expected.isBlank() ? List.of() : List.of(expected.split(" "));
        assertThat(edges).extracting(edge -> edge.get("node").get("id")).containsExactlyElementsOf(want);
        assertThat(((Number) page.data("campaigns.totalCount")).intValue()).isEqualTo(want.size());
    }

    @Test
    void filtersKeepWorkingAcrossPages() {
        var first = viewerA.execute(PAGE, Map.of("first", 1, "status", "ACTIVE")).assertNoErrors();
        String cursor = first.data("campaigns.pageInfo.endCursor");
        var second = viewerA.execute(PAGE, Map.of("first", 10, "status", "ACTIVE", "after", cursor)).assertNoErrors();

        List<Map<String, Map<String, Object>>> edges = second.data("campaigns.edges");
        assertThat(edges).extracting(edge -> edge.get("node").get("id")).containsExactly("META:c1", "META:c3", "SNAPCHAT:s1");
        assertThat((Boolean) second.data("campaigns.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void showsEveryFieldOfACampaign() {
        var page = viewerA.execute("{ campaigns(platform: META, first: 1) { edges { node { id platform accountId campaignId name "
                + "status objective budget { amount amountMicros period currency } currency timezone updatedAt } } } }").assertNoErrors();
        var noBudget = viewerA.execute("{ campaigns(platform: GOOGLE, status: ACTIVE) { edges { node { id budget { amount } currency } } } }")
                .assertNoErrors();

        Map<String, Object> c1 = page.data("campaigns.edges.0.node");
        assertThat(c1).containsEntry("id", "META:c1").containsEntry("platform", "META").containsEntry("accountId", "act_1")
                .containsEntry("campaignId", "c1").containsEntry("name", "Spring sale").containsEntry("status", "ACTIVE")
                .containsEntry("objective", "OUTCOME_SALES").containsEntry("currency", "USD").containsEntry("timezone", "Europe/Berlin")
                .containsEntry("budget", Map.of("amount", 150.5, "amountMicros", 150_500_000, "period", "DAILY", "currency", "USD"));
        assertThat((String) c1.get("updatedAt")).endsWith("Z");
        Map<String, Object> g2 = noBudget.data("campaigns.edges.0.node");
        assertThat(g2).containsEntry("id", "GOOGLE:g2").containsEntry("budget", null).containsEntry("currency", "EUR");
    }

    @Test
    void eachTenantSeesOnlyItsOwnCampaigns() {
        var b = viewerB.execute(PAGE, Map.of()).assertNoErrors();
        var a = viewerA.execute(PAGE, Map.of("first", 100)).assertNoErrors();

        List<Map<String, Map<String, Object>>> edgesB = b.data("campaigns.edges");
        List<Map<String, Map<String, Object>>> edgesA = a.data("campaigns.edges");
        assertThat(edgesB).extracting(edge -> edge.get("node").get("id")).containsExactly("META:b1");
        assertThat(((Number) b.data("campaigns.totalCount")).intValue()).isEqualTo(1);
        assertThat(edgesA).extracting(edge -> edge.get("node").get("id")).doesNotContain("META:b1");
    }

    @Test
    void aCursorOfOneTenantRevealsNothingOfAnother() {
        String cursorA = viewerA.execute(PAGE, Map.of("first", 1)).assertNoErrors().data("campaigns.pageInfo.endCursor");

        var b = viewerB.execute(PAGE, Map.of("after", cursorA)).assertNoErrors();

        List<Map<String, Map<String, Object>>> edges = b.data("campaigns.edges");
        assertThat(edges).extracting(edge -> edge.get("node").get("id")).containsExactly("META:b1");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"first, -1", "first, 101", "after, not-a-cursor", "after, QklOR3xjbXA"})
    void refusesBadPagingNamingTheArgument(String argument, String value) {
        Object typed = "first".equals(argument) ? Integer.parseInt(value) : value;

        var result = viewerA.execute(PAGE, Map.of(argument, typed));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).isEqualTo(argument);
    }

    @Test
    void strangersAreRefused() {
        assertThat(graphql().execute(PAGE, Map.of()).errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    private String tenant(String currency) {
        return superAdmin.execute("mutation($n: String!, $c: String!) { createTenant(input: { name: $n, currency: $c }) { id } }",
                Map.of("n", unique("Analytics"), "c", currency)).assertNoErrors().data("createTenant.id");
    }

    private GraphQLClient userIn(String tenant, String role) {
        String email = unique(role.toLowerCase()) + "@stratum.test";
        superAdmin.execute("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                Map.of("i", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return graphql().withToken(login(email, PASSWORD));
    }
}
