package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-event validation, with payloads shaped as the Segment spec shows them. */
class EventReaderTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-01T10:00:05Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventReader reader = new EventReader(Set.of("Order Completed"), () -> "generated-id");

    @Test
    void readsATrackCallFromTheSpec() {
        IncomingEvent event = valid("""
                {"type": "track", "messageId": "m-1", "userId": "019mr8mf4r", "event": "Item Purchased",
                 "properties": {"name": "Leap to Conclusions Mat", "revenue": 14.99},
                 "context": {"ip": "24.5.68.47"}, "integrations": {"All": true, "Mixpanel": false},
                 "timestamp": "2012-12-02T00:30:12.984Z", "writeKey": "must-not-be-kept", "_metadata": {"bundled": []}}
                """);

        assertThat(event.type()).isEqualTo(EventType.TRACK);
        assertThat(event.messageId()).isEqualTo("m-1");
        assertThat(event.event()).contains("Item Purchased");
        assertThat(event.properties()).containsEntry("revenue", 14.99);
        assertThat(event.context()).containsEntry("ip", "24.5.68.47");
        assertThat(event.integrations()).containsEntry("Mixpanel", false);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2012-12-02T00:30:12.984Z"));
        assertThat(event.identifiers()).containsExactly(new Identifier(IdentifierType.USER_ID, "019mr8mf4r"));
        assertThat(event.order()).isEmpty();
    }

    @Test
    void readsAnIdentifyCallsTraitsAsTheProfilesOwn() {
        IncomingEvent event = valid("""
                {"type": "identify", "userId": "019mr8mf4r", "anonymousId": "507f191e810c19729de860ea",
                 "traits": {"email": "PGibbons@Example.com", "name": "Peter Gibbons", "phone": "+1 555 010 9999"},
                 "context": {"traits": {"plan": "pro"}}}
                """);

        assertThat(event.profileTraits()).containsOnlyKeys("email", "name", "phone", "plan");
        assertThat(event.identifiers()).extracting(Identifier::type).containsExactly(IdentifierType.USER_ID, IdentifierType.EMAIL,
                IdentifierType.PHONE, IdentifierType.ANONYMOUS_ID);
    }

    @Test
    void aGroupCallsTraitsDescribeTheGroupNotThePerson() {
        IncomingEvent event = valid("""
                {"type": "group", "userId": "u1", "groupId": "8e9df332ac", "traits": {"name": "Initech", "email": "info@initech.com"}}
                """);

        assertThat(event.profileTraits()).isEmpty();
        assertThat(event.identifiers()).extracting(Identifier::type).containsExactly(IdentifierType.USER_ID);
    }

    @Test
    void correctsClockSkewWithTheBatchsSentAt() {
        BatchDefaults batch = new BatchDefaults(Optional.of(Instant.parse("2026-12-01T09:00:05Z")), Map.of(), Map.of());

        IncomingEvent event = valid(0, """
                {"type": "page", "anonymousId": "a1", "timestamp": "2026-12-01T09:00:00Z"}
                """, Optional.empty(), batch);

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(event.originalTimestamp()).contains(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(event.sentAt()).contains(Instant.parse("2026-12-01T09:00:05Z"));
        assertThat(event.receivedAt()).isEqualTo(RECEIVED);
    }

    @Test
    void anEventsOwnSentAtAndContextOverrideTheBatchs() {
        BatchDefaults batch = new BatchDefaults(Optional.of(Instant.parse("2000-01-01T00:00:00Z")),
                Map.of("library", Map.of("name", "analytics-node"), "locale", "en-US"), Map.of("All", false));

        IncomingEvent event = valid(0, """
                {"type": "track", "anonymousId": "a1", "event": "Viewed", "timestamp": "2026-12-01T09:59:00Z",
                 "sentAt": "2026-12-01T10:00:00Z", "context": {"locale": "de-DE"}}
                """, Optional.empty(), batch);

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-01T09:59:05Z"));
        assertThat(event.context()).containsEntry("locale", "de-DE").containsKey("library");
        assertThat(event.integrations()).containsEntry("All", false);
    }

    @Test
    void rudderStacksOriginalTimestampCountsAsTheTimestamp() {
        IncomingEvent event = valid("""
                {"type": "track", "anonymousId": "a1", "event": "Viewed",
                 "originalTimestamp": "2026-12-01T09:00:00.000Z", "sentAt": "2026-12-01T09:00:05.000Z"}
                """);

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aSingleCallsTypeComesFromItsEndpoint() {
        IncomingEvent event = valid(0, """
                {"userId": "u1", "name": "Home"}
                """, Optional.of(EventType.SCREEN), BatchDefaults.NONE);

        assertThat(event.type()).isEqualTo(EventType.SCREEN);
        assertThat(event.name()).contains("Home");
        assertThat(event.messageId()).isEqualTo("generated-id");
    }

    @Test
    void anOrderEventCarriesItsRevenueExactly() {
        IncomingEvent event = valid("""
                {"type": "track", "userId": "u1", "event": "order completed",
                 "properties": {"order_id": "50314b8e", "total": 27.5, "revenue": 25.00, "currency": "eur"}}
                """);

        assertThat(event.order()).contains(new OrderFacts(Optional.of(25_000_000L), Optional.of("EUR")));
    }

    @ParameterizedTest(name = "{0} -> {1} micros")
    @CsvSource(delimiter = '|', value = {
            "\"revenue\": 14.99                | 14990000",
            "\"revenue\": \"19.95\"            | 19950000",
            "\"total\": 3                      | 3000000",
            "\"value\": 0.0000005              | 0",
            "\"value\": 0.0000015              | 2",
            "\"revenue\": 123456789.123456     | 123456789123456"})
    void readsRevenueFromRevenueTotalOrValue(String property, long micros) {
        IncomingEvent event = valid("{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"Order Completed\", \"properties\": {"
                + property + "}}");

        assertThat(event.order().flatMap(OrderFacts::revenueMicros)).contains(micros);
    }

    @Test
    void anOrderWithoutAnAmountIsStillAnOrder() {
        IncomingEvent event = valid("""
                {"type": "track", "userId": "u1", "event": "Order Completed", "properties": {"order_id": "1"}}
                """);

        assertThat(event.order()).contains(new OrderFacts(Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "[1, 2]                                                                         | NONE                | must be a JSON object",
            "{\"type\": \"track\", \"event\": \"x\"}                                        | userId              | userId or an anonymousId",
            "{\"type\": \"track\", \"userId\": \"  \", \"event\": \"x\"}                    | userId              | userId or an anonymousId",
            "{\"userId\": \"u1\", \"event\": \"x\"}                                         | type                | needs its 'type'",
            "{\"type\": \"purchase\", \"userId\": \"u1\"}                                   | type                | Unknown type 'purchase'",
            "{\"type\": \"track\", \"userId\": \"u1\"}                                      | event               | event name",
            "{\"type\": \"track\", \"userId\": \"u1\", \"event\": 42}                       | event               | must be a string",
            "{\"type\": \"track\", \"userId\": true, \"event\": \"x\"}                      | userId              | must be a string",
            "{\"type\": \"alias\", \"userId\": \"u1\"}                                      | previousId          | previousId",
            "{\"type\": \"alias\", \"previousId\": \"a1\", \"anonymousId\": \"a1\"}         | userId              | new 'userId'",
            "{\"type\": \"group\", \"userId\": \"u1\"}                                      | groupId             | groupId",
            "{\"type\": \"page\", \"userId\": \"u1\", \"properties\": [1]}                  | properties          | must be a JSON object",
            "{\"type\": \"page\", \"userId\": \"u1\", \"context\": \"web\"}                 | context             | must be a JSON object",
            "{\"type\": \"page\", \"userId\": \"u1\", \"timestamp\": \"yesterday\"}         | timestamp           | ISO-8601",
            "{\"type\": \"page\", \"userId\": \"u1\", \"timestamp\": 1733000000}            | timestamp           | ISO-8601",
            "{\"type\": \"page\", \"userId\": \"u1\", \"sentAt\": \"2026-13-01T00:00:00Z\"} | sentAt              | ISO-8601",
            "{\"type\": \"page\", \"userId\": \"u1\", \"properties\": {\"t\": \"a\\u0000b\"}} | properties.t      | NUL",
            "{\"type\": \"page\", \"userId\": \"u1\", \"properties\": {\"big\": 1e400}}    | properties.big      | too large",
            "{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"Order Completed\", \"properties\": {\"revenue\": \"lots\"}} | properties.revenue | must be a number",
            "{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"Order Completed\", \"properties\": {\"revenue\": -5}}      | properties.revenue | must not be negative",
            "{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"Order Completed\", \"properties\": {\"revenue\": 1e300}}   | properties.revenue | too large",
            "{\"type\": \"track\", \"userId\": \"u1\", \"event\": \"Order Completed\", \"properties\": {\"currency\": \"dollars\"}} | properties.currency | ISO 4217"})
    void refusesEachBrokenRuleNamingTheField(String json, String field, String message) {
        EventReading reading = reader.read(3, parse(json), Optional.empty(), BatchDefaults.NONE, RECEIVED);

        assertThat(reading).isInstanceOf(EventReading.Invalid.class);
        EventError error = ((EventReading.Invalid) reading).error();
        assertThat(error.index()).isEqualTo(3);
        assertThat(error.field()).isEqualTo(Optional.ofNullable(field));
        assertThat(error.message()).contains(message);
    }

    @Test
    void limitsTheMessageIdTo100Characters() {
        String ok = "{\"type\": \"page\", \"userId\": \"u1\", \"messageId\": \"" + "m".repeat(100) + "\"}";
        String tooLong = "{\"type\": \"page\", \"userId\": \"u1\", \"messageId\": \"" + "m".repeat(101) + "\"}";

        assertThat(reader.read(0, parse(ok), Optional.empty(), BatchDefaults.NONE, RECEIVED)).isInstanceOf(EventReading.Valid.class);
        EventReading refused = reader.read(0, parse(tooLong), Optional.empty(), BatchDefaults.NONE, RECEIVED);
        assertThat(((EventReading.Invalid) refused).error().field()).contains("messageId");
    }

    @Test
    void anErrorCarriesTheMessageIdSoTheClientKnowsWhichEventFailed() {
        EventReading reading = reader.read(0, parse("{\"type\": \"track\", \"messageId\": \"m-77\", \"userId\": \"u1\"}"),
                Optional.empty(), BatchDefaults.NONE, RECEIVED);

        assertThat(((EventReading.Invalid) reading).error().messageId()).contains("m-77");
    }

    @Test
    void aTimestampWithoutAnOffsetIsReadAsUtc() {
        IncomingEvent event = valid("{\"type\": \"page\", \"userId\": \"u1\", \"timestamp\": \"2026-12-01T09:00:00\"}");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Test
    void refusesAnEventCarryingTooManyIdentifiers() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < EventReader.MAX_IDENTIFIERS; i++) {
            ids.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"type\": \"crm\"}");
        }
        EventReading reading = reader.read(0, parse("{\"type\": \"page\", \"userId\": \"u1\", \"context\": {\"externalIds\": [" + ids + "]}}"),
                Optional.empty(), BatchDefaults.NONE, RECEIVED);

        assertThat(((EventReading.Invalid) reading).error().message()).contains("at most " + EventReader.MAX_IDENTIFIERS + " identifiers");
    }

    private IncomingEvent valid(String json) {
        return valid(0, json, Optional.empty(), BatchDefaults.NONE);
    }

    private IncomingEvent valid(int index, String json, Optional<EventType> pathType, BatchDefaults defaults) {
        EventReading reading = reader.read(index, parse(json), pathType, defaults, RECEIVED);
        if (reading instanceof EventReading.Invalid invalid) {
            throw new AssertionError("Expected a valid event but got " + invalid.error());
        }
        return ((EventReading.Valid) reading).event();
    }

    private static Object parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Object>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
