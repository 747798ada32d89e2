package ai.stratum.server.identity;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may do what, tenant isolation, and what bad input gets back: as a client sees it over HTTP. */
@MicronautTest(transactional = false)
class RoleRulesTest extends IntegrationTest {

    private static final String PASSWORD = "a-long-enough-password";
    private static final String CREATE_TENANT = "mutation($n: String!) { createTenant(input: { name: $n }) { id name currency timezone } }";
    private static final String CREATE_USER = "mutation($input: CreateUserInput!) { createUser(input: $input) { id email role tenant { id } } }";

    private GraphQLClient superAdmin;
    private String tenantA;
    private String tenantB;
    private GraphQLClient adminA;
    private GraphQLClient buyerA;
    private GraphQLClient adminB;

    @BeforeAll
    void createTwoTenants() {
        superAdmin = graphql().withToken(loginAsAdmin());
        tenantA = superAdmin.execute(CREATE_TENANT, Map.of("n", unique("Acme"))).assertNoErrors().data("createTenant.id");
        tenantB = superAdmin.execute(CREATE_TENANT, Map.of("n", unique("Globex"))).assertNoErrors().data("createTenant.id");
        adminA = userIn(tenantA, "TENANT_ADMIN");
        buyerA = userIn(tenantA, "MEDIA_BUYER");
        adminB = userIn(tenantB, "TENANT_ADMIN");
    }

    @Test
    void createTenantAppliesDefaults() {
        var result = superAdmin.execute(CREATE_TENANT, Map.of("n", unique("Initech"))).assertNoErrors();

        assertThat((String) result.data("createTenant.currency")).isEqualTo("USD");
        assertThat((String) result.data("createTenant.timezone")).isEqualTo("UTC");
    }

    @Test
    void onlyASuperAdminCreatesOrListsTenants() {
        assertThat(adminA.execute(CREATE_TENANT, Map.of("n", unique("Nope"))).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(adminA.execute("{ tenants { id } }").errorCode()).isEqualTo("FORBIDDEN");
        List<Map<String, Object>> tenants = superAdmin.execute("{ tenants { id } }").assertNoErrors().data("tenants");
        assertThat(tenants).extracting(t -> t.get("id")).contains(tenantA, tenantB);
    }

    @Test
    void tenantAdminCreatesUsersInTheirOwnTenantOnly() {
        var own = adminA.execute(CREATE_USER, Map.of("input", user(null, "VIEWER"))).assertNoErrors();
        var other = adminA.execute(CREATE_USER, Map.of("input", user(tenantB, "VIEWER")));

        assertThat((String) own.data("createUser.tenant.id")).isEqualTo(tenantA);
        assertThat(other.errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void superAdminCreatesUsersInAnyTenant() {
        var result = superAdmin.execute(CREATE_USER, Map.of("input", user(tenantB, "DATA_ANALYST"))).assertNoErrors();

        assertThat((String) result.data("createUser.tenant.id")).isEqualTo(tenantB);
    }

    @ParameterizedTest(name = "{0} creating a {1}: {2}")
    @CsvSource({
            "TENANT_ADMIN, SUPER_ADMIN,  FORBIDDEN",
            "TENANT_ADMIN, TENANT_ADMIN, OK",
            "MEDIA_BUYER,  VIEWER,       FORBIDDEN",
            "VIEWER,       VIEWER,       FORBIDDEN"})
    void nobodyGrantsMoreThanTheyHold(String creatorRole, String grantedRole, String expected) {
        GraphQLClient creator = userIn(tenantA, creatorRole);

        var result = creator.execute(CREATE_USER, Map.of("input", user(null, grantedRole)));

        assertThat(result.errorCode() == null ? "OK" : result.errorCode()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} creating a {1} key: {2}")
    @CsvSource({
            "MEDIA_BUYER,  TENANT_ADMIN, FORBIDDEN",
            "MEDIA_BUYER,  MEDIA_BUYER,  OK",
            "VIEWER,       DATA_ANALYST, FORBIDDEN",
            "VIEWER,       VIEWER,       OK"})
    void apiKeysAreBoundedByTheCreatorsRole(String creatorRole, String keyRole, String expected) {
        var result = userIn(tenantA, creatorRole).execute(
                "mutation($r: Role!) { createApiKey(input: { name: \"k\", role: $r }) { key } }", Map.of("r", keyRole));

        assertThat(result.errorCode() == null ? "OK" : result.errorCode()).isEqualTo(expected);
    }

    @Test
    void usersOfOneTenantNeverSeeAnother() {
        Map<String, Object> userB = user(null, "VIEWER");
        adminB.execute(CREATE_USER, Map.of("input", userB)).assertNoErrors();

        List<Map<String, Object>> edges = adminA.execute("{ users(first: 100) { edges { node { email tenant { id } } } } }")
                .assertNoErrors().data("users.edges");

        assertThat(edges).extracting(edge -> (Object) ((Map<?, ?>) edge.get("node")).get("email")).doesNotContain(userB.get("email"));
        assertThat(edges).allSatisfy(edge -> assertThat(((Map<?, ?>) ((Map<?, ?>) edge.get("node")).get("tenant")).get("id"))
                .isEqualTo(tenantA));
    }

    @Test
    void onlyASuperAdminMayNameAnotherTenant() {
        var refused = adminA.withHeader("X-Stratum-Tenant", tenantB).execute("{ users { totalCount } }");
        var allowed = superAdmin.withHeader("X-Stratum-Tenant", tenantB).execute("{ users { totalCount edges { node { tenant { id } } } } }");

        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        List<Map<String, Object>> edges = allowed.assertNoErrors().data("users.edges");
        assertThat(edges).isNotEmpty().allSatisfy(edge ->
                assertThat(((Map<?, ?>) ((Map<?, ?>) edge.get("node")).get("tenant")).get("id")).isEqualTo(tenantB));
    }

    @Test
    void namingAnUnknownOrMalformedTenantIsAClearError() {
        assertThat(superAdmin.withHeader("X-Stratum-Tenant", "00000000-0000-0000-0000-000000000000")
                .execute("{ users { totalCount } }").errorCode()).isEqualTo("NOT_FOUND");
        assertThat(superAdmin.withHeader("X-Stratum-Tenant", "acme").execute("{ users { totalCount } }").errorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void aMediaBuyerCannotListUsers() {
        assertThat(buyerA.execute("{ users { totalCount } }").errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void usersArePagedWithCursors() {
        for (int i = 0; i < 3; i++) {
            adminA.execute(CREATE_USER, Map.of("input", user(null, "VIEWER"))).assertNoErrors();
        }
        var first = adminA.execute("{ users(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }")
                .assertNoErrors();
        String cursor = first.data("users.pageInfo.endCursor");
        var second = adminA.execute("query($c: String) { users(first: 2, after: $c) { edges { node { id } } pageInfo { hasPreviousPage } } }",
                Map.of("c", cursor)).assertNoErrors();

        assertThat((Boolean) first.data("users.pageInfo.hasNextPage")).isTrue();
        assertThat((List<?>) first.data("users.edges")).hasSize(2);
        assertThat((Boolean) second.data("users.pageInfo.hasPreviousPage")).isTrue();
        assertThat((String) second.data("users.edges.0.node.id")).isNotEqualTo(first.data("users.edges.1.node.id"));
        assertThat(adminA.execute("{ users(after: \"garbage\") { totalCount } }").errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(adminA.execute("{ users(first: 1000) { totalCount } }").errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "email not an address | not-an-email      | a-long-enough-password | input.email",
            "password too short   | someone@x.test    | short                  | input.password"})
    void badUserInputNamesTheField(String description, String email, String password, String field) {
        Map<String, Object> input = new HashMap<>(Map.of("email", email, "password", password, "role", "VIEWER"));

        var result = adminA.execute(CREATE_USER, Map.of("input", input));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).isEqualTo(field);
    }

    @Test
    void duplicateEmailIsAConflictAndStoresNothing() {
        Map<String, Object> input = user(null, "VIEWER");
        adminA.execute(CREATE_USER, Map.of("input", input)).assertNoErrors();
        long before = ((Number) adminA.execute("{ users { totalCount } }").data("users.totalCount")).longValue();

        var again = adminB.execute(CREATE_USER, Map.of("input", input));

        assertThat(again.errorCode()).isEqualTo("CONFLICT");
        assertThat(((Number) adminA.execute("{ users { totalCount } }").data("users.totalCount")).longValue()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad currency | { name: \"T1\", currency: \"DOLLARS\" } | input.currency",
            "bad timezone | { name: \"T2\", timezone: \"Mars/Olympus\" } | input.timezone",
            "blank name   | { name: \"  \" }                          | input.name"})
    void createTenantRefusesBadInput(String description, String input, String field) {
        var result = superAdmin.execute("mutation { createTenant(input: " + input + ") { id } }");

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(((Map<?, ?>) result.errors().get(0).get("extensions")).get("field")).isEqualTo(field);
    }

    @Test
    void duplicateTenantNameIsAConflict() {
        String name = unique("Umbrella");
        superAdmin.execute(CREATE_TENANT, Map.of("n", name)).assertNoErrors();

        assertThat(superAdmin.execute(CREATE_TENANT, Map.of("n", name.toUpperCase())).errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void aMalformedTenantIdIsBadInput() {
        var result = superAdmin.execute(CREATE_USER, Map.of("input", user("not-a-uuid", "VIEWER")));

        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void revokingSomeoneElsesKeyNeedsATenantAdmin() {
        String keyId = buyerA.execute("mutation { createApiKey(input: { name: \"mine\", role: VIEWER }) { apiKey { id } } }")
                .assertNoErrors().data("createApiKey.apiKey.id");
        GraphQLClient otherBuyer = userIn(tenantA, "MEDIA_BUYER");

        assertThat(otherBuyer.execute("mutation($id: ID!) { revokeApiKey(id: $id) }", Map.of("id", keyId)).errorCode())
                .isEqualTo("FORBIDDEN");
        assertThat(adminB.execute("mutation($id: ID!) { revokeApiKey(id: $id) }", Map.of("id", keyId)).errorCode())
                .isEqualTo("NOT_FOUND");
        assertThat((Boolean) adminA.execute("mutation($id: ID!) { revokeApiKey(id: $id) }", Map.of("id", keyId))
                .assertNoErrors().data("revokeApiKey")).isTrue();
    }

    private GraphQLClient userIn(String tenant, String role) {
        Map<String, Object> input = user(tenant, role);
        superAdmin.execute(CREATE_USER, Map.of("input", input)).assertNoErrors();
        return graphql().withToken(login((String) input.get("email"), PASSWORD));
    }

    private static Map<String, Object> user(String tenant, String role) {
        Map<String, Object> input = new HashMap<>();
        if (tenant != null) {
            input.put("tenantId", tenant);
        }
        input.put("email", unique(role.toLowerCase()) + "@stratum.test");
        input.put("password", PASSWORD);
        input.put("role", role);
        return input;
    }
}
