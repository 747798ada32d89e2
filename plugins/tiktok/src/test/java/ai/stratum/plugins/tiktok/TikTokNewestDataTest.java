package ai.stratum.plugins.tiktok;

import static ai.stratum.plugins.tiktok.TikTokTestPlatform.ADVERTISER;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.doc;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.join;
import static ai.stratum.plugins.tiktok.TikTokTestPlatform.path;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TikTokNewestDataTest {

    private final TikTokTestPlatform tiktok = new TikTokTestPlatform().servesAdvertiserInfo();
    private final TikTokSignalCollector collector = new TikTokSignalCollector();

    @AfterEach
    void close() {
        tiktok.close();
    }

    private Optional<Instant> newestDataAt(String now) {
        ConnectorContext context = tiktok.context(Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        return join(collector.newestDataAt(context, ADVERTISER));
    }

    private static WireResponse advertiserDays(String... dayAndSpend) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < dayAndSpend.length; i += 2) {
            rows.append(i == 0 ? "" : ",").append("{\"metrics\":{\"spend\":\"").append(dayAndSpend[i + 1])
                    .append("\",\"impressions\":\"").append(dayAndSpend[i + 1].equals("0.00") ? "0" : "100")
                    .append("\"},\"dimensions\":{\"stat_time_day\":\"").append(dayAndSpend[i])
                    .append(" 00:00:00\",\"advertiser_id\":\"" + ADVERTISER + "\"}}");
        }
        return WireResponse.json(200, "{\"code\":0,\"message\":\"OK\",\"request_id\":\"r\",\"data\":{\"page_info\":"
                + "{\"page\":1,\"page_size\":1000,\"total_number\":1,\"total_page\":1},\"list\":[" + rows + "]}}");
    }

    @Test
    void isTheEndOfTheNewestDeliveredDayInTheAdvertisersTimeZone() {
        tiktok.server.on("GET", path("report/integrated/get")).respond(doc("report.advertiser-daily.json"));

        // 11:00 in Los Angeles on 15 September; the 15th has no delivery yet, the 14th does
        Optional<Instant> newest = newestDataAt("2026-09-15T18:00:00Z");

        assertThat(newest).contains(Instant.parse("2026-09-15T07:00:00Z"));
        RecordedRequest report = tiktok.server.requests("GET", path("report/integrated/get")).get(0);
        assertThat(report.query()).containsEntry("data_level", "AUCTION_ADVERTISER")
                .containsEntry("dimensions", "[\"advertiser_id\",\"stat_time_day\"]")
                .containsEntry("metrics", "[\"spend\",\"impressions\"]")
                .containsEntry("start_date", "2026-08-17")
                .containsEntry("end_date", "2026-09-15");
    }

    @Test
    void readsTodayFromTheAdvertisersCalendarNotUtcs() {
        tiktok.server.on("GET", path("report/integrated/get")).respond(advertiserDays("2026-09-15", "12.00"));

        // 03:00 UTC on the 16th is still the evening of the 15th in Los Angeles
        Optional<Instant> newest = newestDataAt("2026-09-16T03:00:00Z");

        assertThat(tiktok.server.requests().get(1).query()).containsEntry("end_date", "2026-09-15");
        assertThat(newest).as("today's data is fresh up to now, not up to midnight")
                .contains(Instant.parse("2026-09-16T03:00:00Z"));
    }

    @Test
    void isEmptyWithoutDeliveryInTheLastThirtyDays() {
        tiktok.server.on("GET", path("report/integrated/get")).respond(advertiserDays("2026-09-14", "0.00"));

        assertThat(newestDataAt("2026-09-15T18:00:00Z")).isEmpty();
    }
}
