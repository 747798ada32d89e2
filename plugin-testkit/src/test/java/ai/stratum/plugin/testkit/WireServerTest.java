package ai.stratum.plugin.testkit;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.HttpTransport.Request;
import ai.stratum.plugin.api.HttpTransport.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class WireServerTest {

    private Response get(WireServer server, String pathAndQuery) {
        ConnectorContext context = TestContexts.standard().context(server.endpoints(), Credentials.none());
        return context.http().send(Request.get(URI.create(server.baseUrl() + pathAndQuery)))
                .toCompletableFuture().join();
    }

    @Test
    void answersARouteByMethodPathAndQuery() {
        try (WireServer server = WireServer.start()) {
            server.on("GET", "/v1/items").withoutQuery("after").respond(WireResponse.json(200, "[1]"));
            server.on("GET", "/v1/items").withQuery("after", "abc").respond(WireResponse.json(200, "[2]"));

            assertThat(get(server, "/v1/items?limit=2").body()).isEqualTo("[1]");
            assertThat(get(server, "/v1/items?after=abc").body()).isEqualTo("[2]");
            assertThat(server.requests()).extracting(RecordedRequest::query)
                    .containsExactly(java.util.Map.of("limit", "2"), java.util.Map.of("after", "abc"));
        }
    }

    @Test
    void oneOffAnswersGoFirstAndOnlyOnce() {
        try (WireServer server = WireServer.start()) {
            server.on("GET", "/x").respond(WireResponse.json(200, "ok"));
            server.once("GET", "/x").respond(WireResponse.json(400, "{\"error\":1}"));

            assertThat(get(server, "/x").status()).isEqualTo(400);
            assertThat(get(server, "/x").status()).isEqualTo(200);
        }
    }

    @Test
    void aLaterRouteForTheSameRequestTakesOver() {
        try (WireServer server = WireServer.start()) {
            server.on("GET", "/x").respond(WireResponse.json(200, "old"));
            server.on("GET", "/x").respond(WireResponse.json(200, "new"));

            assertThat(get(server, "/x").body()).isEqualTo("new");
        }
    }

    @Test
    void namesAndListsRequestsNoRouteMatches() {
        try (WireServer server = WireServer.start()) {
            Response response = get(server, "/nowhere");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).contains("no route for GET /nowhere");
            assertThat(server.unmatched()).extracting(RecordedRequest::path).containsExactly("/nowhere");
        }
    }

    @Test
    void decodesFormBodies() {
        RecordedRequest request = new RecordedRequest("POST", "/", java.util.Map.of(), java.util.Map.of(),
                "daily_budget=2000&status=PAUSED&name=Spring%20sale");

        assertThat(request.formFields()).containsEntry("daily_budget", "2000").containsEntry("name", "Spring sale");
    }
}
