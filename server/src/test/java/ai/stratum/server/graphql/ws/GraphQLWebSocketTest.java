package ai.stratum.server.graphql.ws;

import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.WebSocketClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class GraphQLWebSocketTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    PubSub pubSub;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("stratum.graphql.ws-init-timeout", "1s");
    }

    @Test
    void subscriptionSeesAChangeMadeOverHttp() {
        String token = loginAsAdmin();
        try (WebSocketClient socket = new WebSocketClient(server.getURI())) {
            assertThat(socket.subprotocol()).isEqualTo("graphql-transport-ws");
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
            assertThat(socket.next(WAIT)).containsEntry("type", "connection_ack");

            socket.send(Map.of("type", "subscribe", "id", "1",
                    "payload", Map.of("query", "subscription { tenantActivity { action targetType actorRole } }")));
            awaitSubscribed(token);

            Map<String, Object> next = socket.next(WAIT);
            assertThat(next).containsEntry("type", "next").containsEntry("id", "1");
            assertThat(next.toString()).contains("api_key.created").contains("SUPER_ADMIN");

            socket.send(Map.of("type", "complete", "id", "1"));
            socket.send(Map.of("type", "ping"));
            assertThat(socket.next(WAIT)).containsEntry("type", "pong");
        }
    }

    @Test
    void queriesRunOverTheSocketToo() {
        try (WebSocketClient socket = initialised(loginAsAdmin())) {
            socket.send(Map.of("type", "subscribe", "id", "q", "payload", Map.of("query", "{ me { email } }")));

            assertThat(socket.next(WAIT).toString()).contains(ADMIN_EMAIL);
            assertThat(socket.next(WAIT)).containsEntry("type", "complete").containsEntry("id", "q");
        }
    }

    @Test
    void anInvalidDocumentGetsAnErrorMessage() {
        try (WebSocketClient socket = initialised(loginAsAdmin())) {
            socket.send(Map.of("type", "subscribe", "id", "bad", "payload", Map.of("query", "subscription { nope }")));

            Map<String, Object> error = socket.next(WAIT);
            assertThat(error).containsEntry("type", "error").containsEntry("id", "bad");
            assertThat(error.toString()).contains("BAD_USER_INPUT");
        }
    }

    @Test
    void anAnonymousSubscriberIsRefusedByTheField() {
        try (WebSocketClient socket = new WebSocketClient(server.getURI())) {
            socket.send(Map.of("type", "connection_init"));
            assertThat(socket.next(WAIT)).containsEntry("type", "connection_ack");
            socket.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", "subscription { tenantActivity { action } }")));

            assertThat(socket.next(WAIT).toString()).contains("UNAUTHENTICATED");
        }
    }

    @Test
    void badCredentialsCloseWith4403() {
        try (WebSocketClient socket = new WebSocketClient(server.getURI())) {
            socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer forged")));

            assertThat(socket.awaitClose(WAIT)).isEqualTo(4403);
        }
    }

    @Test
    void subscribingBeforeInitClosesWith4401() {
        try (WebSocketClient socket = new WebSocketClient(server.getURI())) {
            socket.send(Map.of("type", "subscribe", "id", "1", "payload", Map.of("query", "{ __typename }")));

            assertThat(socket.awaitClose(WAIT)).isEqualTo(4401);
        }
    }

    @Test
    void aSecondInitClosesWith4429() {
        try (WebSocketClient socket = initialised(loginAsAdmin())) {
            socket.send(Map.of("type", "connection_init"));

            assertThat(socket.awaitClose(WAIT)).isEqualTo(4429);
        }
    }

    @Test
    void noInitWithinTheTimeoutClosesWith4408() {
        try (WebSocketClient socket = new WebSocketClient(server.getURI())) {
            assertThat(socket.awaitClose(WAIT)).isEqualTo(4408);
        }
    }

    @Test
    void garbageClosesWith4400() {
        try (WebSocketClient socket = new WebSocketClient(server.getURI())) {
            socket.sendRaw("{not json");

            assertThat(socket.awaitClose(WAIT)).isEqualTo(4400);
        }
    }

    @Test
    void aDuplicateOperationIdClosesWith4409() {
        try (WebSocketClient socket = initialised(loginAsAdmin())) {
            Map<String, Object> subscribe = Map.of("type", "subscribe", "id", "dup",
                    "payload", Map.of("query", "subscription { tenantActivity { action } }"));
            socket.send(subscribe);
            socket.send(subscribe);

            assertThat(socket.awaitClose(WAIT)).isEqualTo(4409);
        }
    }

    private WebSocketClient initialised(String token) {
        WebSocketClient socket = new WebSocketClient(server.getURI());
        socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        assertThat(socket.next(WAIT)).containsEntry("type", "connection_ack");
        return socket;
    }

    /**
     * Pub/sub delivers only what is published after a subscription took effect: wait (bounded)
     * until this instance holds the subscriber, then make the change.
     */
    private void awaitSubscribed(String token) {
        String tenant = graphql().withToken(token).execute("{ me { tenant { id } } }").assertNoErrors().data("me.tenant.id");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pubSub.localSubscriberCount("activity:" + tenant) == 0) {
            assertThat(System.nanoTime()).as("subscriber registered in time").isLessThan(deadline);
            sleep(Duration.ofMillis(10));
        }
        graphql().withToken(token).execute("mutation { createApiKey(input: { name: \"ws\", role: VIEWER }) { key } }")
                .assertNoErrors();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
