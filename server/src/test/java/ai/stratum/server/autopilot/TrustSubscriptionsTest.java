package ai.stratum.server.autopilot;

import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.support.IntegrationTest;
import ai.stratum.server.support.Signals;
import ai.stratum.server.support.WebSocketClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Dashboards' live view: health changes, gate decisions and action status changes over graphql-transport-ws. */
@MicronautTest(transactional = false)
class TrustSubscriptionsTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    PubSub pubSub;

    @Test
    void aSubscriberSeesAHealthChangeOfItsPlatformOnly() {
        String token = loginAsAdmin();
        String tenant = graphql().withToken(token).execute("{ me { tenant { id } } }").assertNoErrors().data("me.tenant.id");
        try (WebSocketClient socket = initialised(token)) {
            socket.send(Map.of("type", "subscribe", "id", "h", "payload", Map.of("query",
                    "subscription { signalHealthUpdated(platform: TIKTOK) { platform accountId overallScore status } }")));
            awaitSubscribers("signal-health:" + tenant);

            ingest(token, Signals.healthy("META", "act_other", 10));
            ingest(token, Signals.critical("TIKTOK", "tt_1"));

            Map<String, Object> next = socket.next(WAIT);
            assertThat(next).containsEntry("type", "next").containsEntry("id", "h");
            assertThat(next.toString()).contains("tt_1").contains("CRITICAL").doesNotContain("act_other");
        }
    }

    @Test
    void aSubscriberSeesGateDecisionsAndStatusChanges() {
        String token = loginAsAdmin();
        String tenant = graphql().withToken(token).execute("{ me { tenant { id } } }").assertNoErrors().data("me.tenant.id");
        ingest(token, Signals.degraded("SNAPCHAT", "sc_1"));
        try (WebSocketClient socket = initialised(token)) {
            socket.send(Map.of("type", "subscribe", "id", "g", "payload", Map.of("query",
                    "subscription { gateDecisionMade { decision actionType accountId signalHealth { overallScore } } }")));
            socket.send(Map.of("type", "subscribe", "id", "s", "payload", Map.of("query",
                    "subscription { actionStatusChanged { id status accountId } }")));
            awaitSubscribers("gate-decisions:" + tenant);
            awaitSubscribers("action-status:" + tenant);

            graphql().withToken(token).execute("mutation { submitAction(action: { platform: SNAPCHAT, accountId: \"sc_1\", "
                    + "entityType: CAMPAIGN, entityId: \"c1\", actionType: UPDATE_BUDGET, parameters: { budgetMicros: 5000000 } }) { id } }")
                    .assertNoErrors();

            String received = socket.next(WAIT).toString() + socket.next(WAIT);
            assertThat(received).contains("HOLD").contains("PENDING_APPROVAL").contains("sc_1");
        }
    }

    private WebSocketClient initialised(String token) {
        WebSocketClient socket = new WebSocketClient(server.getURI());
        socket.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        assertThat(socket.next(WAIT)).containsEntry("type", "connection_ack");
        return socket;
    }

    private void ingest(String token, Map<String, Object> input) {
        graphql().withToken(token).execute("mutation($in: SignalsInput!) { ingestSignals(input: $in) { overallScore } }",
                Map.of("in", input)).assertNoErrors();
    }

    /** Pub/sub delivers only what is published after a subscription took effect: wait, bounded, until it has. */
    private void awaitSubscribers(String channel) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pubSub.localSubscriberCount(channel) == 0) {
            assertThat(System.nanoTime()).as("subscriber on %s in time", channel).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
