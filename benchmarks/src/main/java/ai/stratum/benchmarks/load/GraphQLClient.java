package ai.stratum.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A user logged in to a running server's {@code /graphql}, as the load runs use it: over HTTP/1.1 with keep-alive. */
final class GraphQLClient {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TENANT = Pattern.compile("\"tenant\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI graphql;
    private String authorization;
    private String tenant;

    private GraphQLClient(URI base) {
        this.graphql = base.resolve("/graphql");
    }

    static GraphQLClient login(URI base, String email, String password) throws IOException, InterruptedException {
        GraphQLClient client = new GraphQLClient(base);
        String response = client.post(body("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
                "{\"e\":\"" + email + "\",\"p\":\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
        Matcher token = TOKEN.matcher(response);
        if (!token.find()) {
            throw new IllegalStateException("login failed: " + response);
        }
        client.authorization = "Bearer " + token.group(1);
        Matcher tenant = TENANT.matcher(client.post(body("{ me { tenant { id } } }", "{}")));
        if (!tenant.find()) {
            throw new IllegalStateException("cannot read the user's tenant");
        }
        client.tenant = tenant.group(1);
        return client;
    }

    /** The logged-in user's tenant id. */
    String tenant() {
        return tenant;
    }

    /** Posts a GraphQL request body; the response body, which may hold GraphQL errors. */
    String post(String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String body(String query, String variables) {
        return "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";
    }
}
