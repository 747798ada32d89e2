package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.ACCOUNT;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_ID;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_USD;
import static ai.stratum.plugins.meta.MetaWire.NOW;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetaNewestDataAtTest {

    private static final String INSIGHTS = ACCOUNT + "/insights";

    private final MetaWire meta = new MetaWire();
    private final MetaSignalCollector collector = new MetaSignalCollector();

    @BeforeEach
    void serveTheAccount() {
        meta.account(ACCOUNT_USD);
    }

    @AfterEach
    void stop() {
        meta.close();
    }

    @Test
    void isTheEndOfTheNewestDayWithDeliveryInTheAccountTimeZone() {
        meta.server.on("GET", INSIGHTS).respond(WireResponse.json(200, "{\"data\":["
                + row("2026-09-12", "51200", "700.10") + "," + row("2026-09-13", "48100", "688.00") + ","
                + row("2026-09-14", "0", "0") + "]}"));

        // 2026-09-13 ends at midnight in Los Angeles, 07:00 UTC on the 14th
        assertThat(join(collector.newestDataAt(meta.context(), ACCOUNT_ID)))
                .contains(Instant.parse("2026-09-14T07:00:00Z"));
    }

    @Test
    void isNowWhenTodayAlreadyHasDelivery() {
        meta.server.on("GET", INSIGHTS).respond(WireResponse.json(200,
                "{\"data\":[" + row("2026-09-14", "100", "1.00") + "," + row("2026-09-15", "10", "0.20") + "]}"));

        assertThat(join(collector.newestDataAt(meta.context(), ACCOUNT_ID))).contains(NOW);
    }

    @Test
    void isEmptyWithoutDeliveryInTheLookback() {
        meta.server.on("GET", INSIGHTS).respond(WireResponse.json(200, "{\"data\":[]}"));

        assertThat(join(collector.newestDataAt(meta.context(), ACCOUNT_ID))).isEmpty();
    }

    @Test
    void readsEveryPageOfTheAccountsDailyRows() {
        meta.server.on("GET", INSIGHTS).withoutQuery("after").respond(WireResponse.json(200, "{\"data\":["
                + row("2026-09-10", "5", "0.10") + "],\"paging\":{\"cursors\":{\"after\":\"MAZDZD\"},"
                + "\"next\":\"https://graph.facebook.com/v25.0/act_102938475610293/insights?after=MAZDZD\"}}"));
        meta.server.on("GET", INSIGHTS).withQuery("after", "MAZDZD").respond(WireResponse.json(200,
                "{\"data\":[" + row("2026-09-11", "7", "0.12") + "],\"paging\":{\"cursors\":{\"after\":\"MQZDZD\"}}}"));

        assertThat(join(collector.newestDataAt(meta.context(), ACCOUNT_ID)))
                .contains(Instant.parse("2026-09-12T07:00:00Z"));
    }

    @Test
    void asksForAccountLevelDaysOfTheLastNinetyDaysEndingTodayInTheAccountTimeZone() {
        meta.server.on("GET", INSIGHTS).respond(WireResponse.json(200, "{\"data\":[]}"));

        join(collector.newestDataAt(meta.context(), ACCOUNT_ID));

        RecordedRequest request = meta.requests("GET", INSIGHTS).get(0);
        assertThat(request.query())
                .containsEntry("level", "account")
                .containsEntry("time_increment", "1")
                .containsEntry("time_range", "{\"since\":\"2026-06-18\",\"until\":\"2026-09-15\"}")
                .containsEntry("fields", "impressions,spend,date_start,date_stop");
    }

    @Test
    void failsAsMalformedOnARowWithoutADate() {
        meta.server.on("GET", INSIGHTS).respond(WireResponse.json(200, "{\"data\":[{\"impressions\":\"5\"}]}"));

        ConnectorException failure = failure(collector.newestDataAt(meta.context(), ACCOUNT_ID));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsAsMalformedOnAnUnknownAccountTimeZone() {
        meta.account("{\"currency\":\"USD\",\"timezone_name\":\"Mars/Olympus_Mons\"}");

        ConnectorException failure = failure(collector.newestDataAt(meta.context(), ACCOUNT_ID));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
        assertThat(meta.requests("GET", INSIGHTS)).isEmpty();
    }

    private static String row(String day, String impressions, String spend) {
        return "{\"impressions\":\"" + impressions + "\",\"spend\":\"" + spend + "\",\"date_start\":\"" + day
                + "\",\"date_stop\":\"" + day + "\"}";
    }
}
