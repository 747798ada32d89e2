package ai.stratum.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL client of a running server as a load run needs it: log in once, then POST query bodies
 * over HTTP/1.1 with keep-alive, the session token sent with each. Thread-safe after login.
 */
public final class GraphQLSession {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TENANT = Pattern.compile("\"tenant\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI graphql;
    private volatile String authorization;
    private String tenant;

    private GraphQLSession(URI base) {
        this.graphql = base.resolve("/graphql");
    }

    /** Logs in; the session then acts as that user. */
    public static GraphQLSession login(URI base, String email, String password) throws IOException, InterruptedException {
        GraphQLSession session = new GraphQLSession(base);
        String response = session.post(body("mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }",
                "{\"e\":\"" + email + "\",\"p\":\"" + password.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
        Matcher token = TOKEN.matcher(response);
        if (!token.find()) {
            throw new IllegalStateException("login failed: " + response);
        }
        session.authorization = "Bearer " + token.group(1);
        Matcher tenant = TENANT.matcher(session.post(body("{ me { tenant { id } } }", "{}")));
        if (!tenant.find()) {
            throw new IllegalStateException("cannot read the user's tenant");
        }
        session.tenant = tenant.group(1);
        return session;
    }

    /** @return the id of the logged-in user's tenant */
    public String tenant() {
        return tenant;
    }

    /** @return the response body of a 200; anything else throws */
    public String post(String body) throws IOException, InterruptedException {
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

    /** @return a GraphQL request body: the query (its double quotes escaped) and variables already in JSON */
    public static String body(String query, String variables) {
        return "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";
    }
}
