package ai.stratum.benchmarks.cdp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentTrafficTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameSeedDrawsTheSameEvents() {
        List<SdkEvent> first = new SegmentTraffic(42, START).nextBatch(2_000);
        List<SdkEvent> second = new SegmentTraffic(42, START).nextBatch(2_000);
        assertThat(second).isEqualTo(first);
        assertThat(new SegmentTraffic(43, START).nextBatch(2_000)).isNotEqualTo(first);
    }

    @Test
    void drawsTheMixOfAWebShop() {
        SegmentTraffic traffic = new SegmentTraffic(1, START);
        Map<String, Integer> calls = new HashMap<>();
        Set<String> messageIds = new HashSet<>();
        int withClickId = 0;
        int landings = 0;
        for (SdkEvent event : traffic.nextBatch(100_000)) {
            calls.merge(event.type() + ":" + event.name().orElse(""), 1, Integer::sum);
            messageIds.add(event.messageId());
            if (event.name().equals(Optional.of("Home"))) {
                landings++;
                withClickId += event.context().toString().matches("(?s).*(gclid|fbclid|ttclid|ScCid)=.*") ? 1 : 0;
            }
        }
        assertThat(messageIds).hasSize(100_000);
        long sessions = traffic.newVisitors() + traffic.returningVisitors();
        assertThat((double) traffic.newVisitors() / sessions).isBetween(0.55, 0.65);
        assertThat(traffic.loginsToExistingAccounts()).isPositive();
        assertThat((double) traffic.loginsToExistingAccounts() / (traffic.signUps() + traffic.loginsToExistingAccounts())).isBetween(0.4, 0.6);
        assertThat(calls.get("identify:")).isEqualTo((int) (traffic.signUps() + traffic.loginsToExistingAccounts()));
        assertThat(calls.get("track:Order Completed")).isEqualTo((int) traffic.orders()).isPositive();
        assertThat(calls).containsKeys("page:Home", "page:Product", "track:Product Viewed");
        assertThat((double) withClickId / landings).isBetween(0.15, 0.25);
    }

    @Test
    void aReturningBrowserThatLoggedInKeepsItsUserId() {
        SegmentTraffic traffic = new SegmentTraffic(3, START);
        Map<String, String> userOfBrowser = new HashMap<>();
        int carriedOver = 0;
        for (SdkEvent event : traffic.nextBatch(200_000)) {
            String known = userOfBrowser.get(event.anonymousId());
            if (known != null && !event.type().equals("identify")) {
                assertThat(event.userId()).as("a browser that logged in sends its userId").isPresent();
                carriedOver++;
            }
            event.userId().ifPresent(user -> userOfBrowser.put(event.anonymousId(), user));
        }
        assertThat(carriedOver).isPositive();
    }

    @Test
    void writesEventsAsTheSegmentSpecShapesThem() throws Exception {
        SegmentTraffic traffic = new SegmentTraffic(5, START);
        boolean sawIdentify = false;
        boolean sawOrder = false;
        while (!sawIdentify || !sawOrder) {
            SdkEvent event = traffic.next();
            JsonNode json = JSON.readTree(event.toJson());
            assertThat(json.get("type").asText()).isIn("track", "identify", "page");
            assertThat(json.get("messageId").asText()).isEqualTo(event.messageId());
            assertThat(json.get("anonymousId").asText()).isNotBlank();
            assertThat(Instant.parse(json.get("timestamp").asText())).isBefore(Instant.parse(json.get("sentAt").asText()).plusMillis(1));
            assertThat(json.at("/context/library/name").asText()).isEqualTo("analytics.js");
            if (event.type().equals("identify")) {
                sawIdentify = true;
                assertThat(json.get("userId").asText()).startsWith("user-");
                assertThat(json.at("/traits/email").asText()).contains("@");
            }
            if (json.path("event").asText().equals("Order Completed")) {
                sawOrder = true;
                assertThat(json.at("/properties/revenue").asDouble()).isPositive();
                assertThat(json.at("/properties/currency").asText()).hasSize(3);
                assertThat(json.at("/properties/products").isArray()).isTrue();
            }
        }
    }
}
