package ai.stratum.server.cdp;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.TestDatabase;
import ai.stratum.server.support.TrackingClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What CDP tests share: a tenant with a user of every role and an HTTP source, a tracking client,
 * the GraphQL reads a dashboard makes, and straight SQL for checking what is stored.
 */
abstract class CdpIntegrationTest extends IntegrationTest {

    static final String PASSWORD = "a-long-enough-password";
    static final String PROFILE_FIELDS = "id lifecycle traits firstSeen lastSeen eventCount orderCount createdAt "
            + "identifiers { type value firstSeen } totalRevenue { amount amountMicros currency } mergedIds";

    private GraphQLClient superAdmin;

    /** A fresh tenant with an admin, an analyst, a media buyer, a viewer and one HTTP source. */
    protected Tenant newTenant() {
        if (superAdmin == null) {
            superAdmin = graphql().withToken(loginAsAdmin());
        }
        String id = superAdmin.execute("mutation($n: String!) { createTenant(input: { name: $n, currency: \"EUR\" }) { id } }",
                Map.of("n", unique("cdp"))).assertNoErrors().data("createTenant.id");
        GraphQLClient admin = userIn(id, "TENANT_ADMIN");
        var source = admin.execute("mutation { createSource(input: { name: \"Website\" }) { id name writeKey } }").assertNoErrors();
        return new Tenant(id, admin, userIn(id, "DATA_ANALYST"), userIn(id, "MEDIA_BUYER"), userIn(id, "VIEWER"),
                source.data("createSource.id"), source.data("createSource.writeKey"));
    }

    protected GraphQLClient userIn(String tenant, String role) {
        return graphql().withToken(tokenIn(tenant, role));
    }

    /** The token of a new user of {@code tenant} with {@code role}, e.g. for a WebSocket. */
    protected String tokenIn(String tenant, String role) {
        String email = unique(role.toLowerCase()) + "@cdp.test";
        superAdmin.execute("mutation($input: CreateUserInput!) { createUser(input: $input) { id } }",
                Map.of("input", Map.of("tenantId", tenant, "email", email, "password", PASSWORD, "role", role))).assertNoErrors();
        return login(email, PASSWORD);
    }

    protected TrackingClient tracking() {
        return new TrackingClient(server.getURI());
    }

    protected Map<String, Object> profileBy(GraphQLClient client, String type, String value) {
        return client.execute("query($t: IdentifierType!, $v: String!) { profileByIdentifier(type: $t, value: $v) { " + PROFILE_FIELDS + " } }",
                Map.of("t", type, "v", value)).assertNoErrors().data("profileByIdentifier");
    }

    protected Map<String, Object> profile(GraphQLClient client, String id) {
        return client.execute("query($id: ID!) { profile(id: $id) { " + PROFILE_FIELDS + " } }", Map.of("id", id))
                .assertNoErrors().data("profile");
    }

    protected List<Map<String, Object>> events(GraphQLClient client, String profileId) {
        List<Map<String, Object>> edges = client.execute("query($id: ID!) { profileEvents(profileId: $id, first: 100) { edges { node { "
                        + "id type event name messageId profileId anonymousId userId timestamp originalTimestamp sentAt receivedAt "
                        + "properties traits context integrations sourceId } } } }", Map.of("id", profileId))
                .assertNoErrors().data("profileEvents.edges");
        return edges.stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }

    /** A unique id for identifiers, so tests never see each other's people. */
    protected static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    protected static List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).get(0)).longValue();
    }

    protected static void execute(String sql, Object... parameters) {
        try (Connection owner = TestDatabase.ownerConnection(); PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A tenant as the tests use it: a client per role and its HTTP source. */
    protected record Tenant(String id, GraphQLClient admin, GraphQLClient analyst, GraphQLClient buyer, GraphQLClient viewer,
                            String sourceId, String writeKey) {

        UUID uuid() {
            return UUID.fromString(id);
        }
    }
}
