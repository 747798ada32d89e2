package ai.stratum.server.graphql;

import ai.stratum.server.support.GraphQLClient;
import ai.stratum.server.support.IntegrationTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class GraphQLOverHttpTest extends IntegrationTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final String JSON = "application/json";

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("stratum.graphql.max-body-bytes", "4096", "stratum.graphql.max-complexity", "60");
    }

    @Test
    void answersPostWithTheMediaTypeTheClientPrefers() {
        var result = graphql().withToken(loginAsAdmin()).post("{\"query\":\"{ me { email } }\"}", JSON, GRAPHQL_RESPONSE);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).startsWith(GRAPHQL_RESPONSE);
        assertThat((String) result.data("me.email")).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void answersLegacyClientsWithApplicationJson() {
        var result = graphql().withToken(loginAsAdmin()).post("{\"query\":\"{ me { email } }\"}", JSON, null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).startsWith(JSON);
    }

    @Test
    void validationFailureIs400WithTheNewMediaTypeAnd200WithJson() {
        String body = "{\"query\":\"{ noSuchField }\"}";

        GraphQLClient.Result strict = graphql().post(body, JSON, GRAPHQL_RESPONSE);
        GraphQLClient.Result legacy = graphql().post(body, JSON, JSON);

        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(strict.body()).doesNotContainKey("data");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void syntaxErrorIsBadUserInput() {
        var result = graphql().post("{\"query\":\"{ me { \"}", JSON, GRAPHQL_RESPONSE);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void refusesMalformedRequests() {
        assertThat(graphql().post("{not json", JSON, GRAPHQL_RESPONSE).status()).isEqualTo(400);
        assertThat(graphql().post("[1,2]", JSON, GRAPHQL_RESPONSE).status()).isEqualTo(400);
        assertThat(graphql().post("{\"variables\":{}}", JSON, GRAPHQL_RESPONSE).errorMessage()).contains("no 'query'");
        assertThat(graphql().post("{\"query\":42}", JSON, GRAPHQL_RESPONSE).errorMessage()).contains("'query' must be");
        assertThat(graphql().post("{\"query\":\"{ me { id } }\",\"variables\":[1]}", JSON, GRAPHQL_RESPONSE).errorMessage())
                .contains("'variables' must be a JSON object");
        assertThat(graphql().post("", JSON, JSON).status()).isEqualTo(400);
    }

    @Test
    void refusesBodiesThatAreNotJson() {
        var result = graphql().post("query { me { id } }", "application/graphql", GRAPHQL_RESPONSE);

        assertThat(result.status()).isEqualTo(415);
        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void refusesAcceptHeadersItCannotSatisfy() {
        assertThat(graphql().post("{\"query\":\"{ me { id } }\"}", JSON, "text/html").status()).isEqualTo(406);
    }

    @Test
    void refusesBodiesOverTheLimitWithAClearError() {
        String padding = "x".repeat(5000);
        var result = graphql().post("{\"query\":\"{ me { id } }\",\"extensions\":{\"pad\":\"" + padding + "\"}}", JSON,
                GRAPHQL_RESPONSE);

        assertThat(result.status()).isEqualTo(413);
        assertThat(result.errorMessage()).contains("exceeds the limit of 4096 bytes");
    }

    @Test
    void runsQueriesOverGet() {
        var result = graphql().withToken(loginAsAdmin()).get("query=" + encode("{ me { email } }"), GRAPHQL_RESPONSE);

        assertThat(result.status()).isEqualTo(200);
        assertThat((String) result.data("me.email")).isEqualTo(ADMIN_EMAIL);
    }

    @Test
    void refusesMutationsOverGetWith405() {
        var result = graphql().get("query=" + encode("mutation { revokeApiKey(id: \"x\") }"), GRAPHQL_RESPONSE);

        assertThat(result.status()).isEqualTo(405);
        assertThat(result.headers().get("allow")).containsExactly("POST");
        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void getWithBadVariablesIs400() {
        var result = graphql().get("query=" + encode("{ me { id } }") + "&variables=" + encode("{oops"), GRAPHQL_RESPONSE);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorMessage()).contains("'variables' is not valid JSON");
    }

    @Test
    void limitsQueryDepth() {
        var ok = graphql().withToken(loginAsAdmin()).execute("{ me { tenant { id } } }");
        assertThat(ok.errors()).isEmpty();

        String tooDeep = "{ __schema { types { fields { type " + "{ ofType ".repeat(12) + "{ name }" + " }".repeat(12) + " } } } }";
        var refused = graphql().execute(tooDeep);
        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.errorMessage()).contains("exceeds the limit of 15");
    }

    @Test
    void limitsQueryComplexity() {
        StringBuilder query = new StringBuilder("{ ");
        for (int i = 0; i < 70; i++) {
            query.append("a").append(i).append(": me { id } ");
        }
        var refused = graphql().withToken(loginAsAdmin()).execute(query.append("}").toString());

        assertThat(refused.errorCode()).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.errorMessage()).contains("complexity").contains("limit of 60");
    }

    @Test
    void everyErrorCarriesACodeAndNoInternals() {
        var result = graphql().execute("{ me { id } }");

        assertThat(result.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(result.body().toString()).doesNotContain("Exception").doesNotContain("at ai.stratum");
    }

    @Test
    void echoesASaneRequestId() {
        var result = graphql().withHeader("X-Request-Id", "trace-123").execute("{ __typename }");

        assertThat(result.headers().get("x-request-id")).containsExactly("trace-123");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
