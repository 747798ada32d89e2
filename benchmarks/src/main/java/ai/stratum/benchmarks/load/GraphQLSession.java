package ai.stratum.benchmarks.load;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GraphQL client of a running server as a load run needs it: log in once, then POST query bodies
 * over HTTP/1.1 with keep-alive ({@link BlockingHttpClients}, so that a timed request is the server's
 * time and the wire's), the session token sent with each. Thread-safe after login.
 */
public final class GraphQLSession {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TENANT = Pattern.compile("\"tenant\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** Enough connections for any concurrency a run is given, each kept alive between requests. */
    private static final int MAX_CONNECTIONS = 256;

    private final CloseableHttpClient http = BlockingHttpClients.of(MAX_CONNECTIONS, Timeout.ofSeconds(30));
    private final URI graphql;
    private volatile String authorization;
    private String tenant;

    private GraphQLSession(URI base) {
        this.graphql = base.resolve("/graphql");
    }

    /** Logs in; the session then acts as that user. */
    public static GraphQLSession login(URI base, String email, String password) throws IOException {
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
    public String post(String body) throws IOException {
        HttpPost request = new HttpPost(graphql);
        request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        request.setHeader("Accept", "application/json");
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        return http.execute(request, response -> {
            String text = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200) {
                throw new IllegalStateException("HTTP " + response.getCode() + ": " + text);
            }
            return text;
        });
    }

    /** @return a GraphQL request body: the query (its double quotes escaped) and variables already in JSON */
    public static String body(String query, String variables) {
        return "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";
    }
}
