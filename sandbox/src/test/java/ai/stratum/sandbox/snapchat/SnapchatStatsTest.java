package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** DAY stats of campaigns and TOTAL stats of ad accounts, as Snap answers and refuses them. */
class SnapchatStatsTest {

    private static final String FIELDS = "impressions,swipes,spend,conversion_purchases,conversion_purchases_value";

    private final SnapSandbox snap = new SnapSandbox();

    @AfterEach
    void close() {
        snap.close();
    }

    private HttpResponse<String> dayStats(String campaignId, String start, String end, String more) {
        return snap.get("/v1/campaigns/" + campaignId + "/stats?granularity=DAY&fields=" + FIELDS
                + "&start_time=" + encode(start) + "&end_time=" + encode(end) + more);
    }

    private SimulatedCampaign deliveringCampaign() {
        LocalDate day = snap.account().today().minusDays(3);
        return snap.account().campaigns().stream()
                .filter(campaign -> !snap.account().report(campaign.id(), day, day).isEmpty())
                .findFirst().orElseThrow();
    }

    @Test
    void reportsEachDayOfTheSimulationToTheMicro() {
        SimulatedCampaign campaign = deliveringCampaign();
        LocalDate first = snap.account().today().minusDays(13);

        JsonNode stat = SnapSandbox.json(dayStats(campaign.id(), first + "T00:00:00.000-07:00",
                snap.account().today().plusDays(1) + "T00:00:00.000-07:00", "&omit_empty=true"))
                .at("/timeseries_stats/0/timeseries_stat");

        List<DayOutcome> expected = snap.account().report(campaign.id(), first, snap.account().today());
        assertThat(stat.get("timeseries")).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode bucket = stat.get("timeseries").get(i);
            DayOutcome day = expected.get(i);
            assertThat(bucket.get("start_time").asText()).isEqualTo(day.date() + "T00:00:00.000-07:00");
            assertThat(bucket.get("end_time").asText()).isEqualTo(day.date().plusDays(1) + "T00:00:00.000-07:00");
            JsonNode stats = bucket.get("stats");
            assertThat(stats.get("spend").asLong()).isEqualTo(day.spendMicros());
            assertThat(stats.get("conversion_purchases_value").asLong()).isEqualTo(day.revenueMicros());
            assertThat(stats.get("conversion_purchases").asLong()).isEqualTo(day.conversions());
            assertThat(stats.get("impressions").asLong()).isEqualTo(day.impressions());
            assertThat(stats.get("swipes").asLong()).isEqualTo(day.clicks());
        }
    }

    @Test
    void answersEveryDayWithZerosUnlessAskedToOmitEmptyDays() {
        SimulatedCampaign campaign = deliveringCampaign();
        LocalDate first = campaign.profile().startDate().minusDays(5);

        JsonNode all = SnapSandbox.json(dayStats(campaign.id(), first + "T00:00:00.000-07:00",
                first.plusDays(10) + "T00:00:00.000-07:00", ""));
        JsonNode omitted = SnapSandbox.json(dayStats(campaign.id(), first + "T00:00:00.000-07:00",
                first.plusDays(10) + "T00:00:00.000-07:00", "&omit_empty=true"));

        assertThat(all.at("/timeseries_stats/0/timeseries_stat/timeseries")).hasSize(10);
        assertThat(all.at("/timeseries_stats/0/timeseries_stat/timeseries/0/stats/spend").asLong()).isZero();
        assertThat(omitted.at("/timeseries_stats/0/timeseries_stat/timeseries"))
                .hasSize(snap.account().report(campaign.id(), first, first.plusDays(9)).size());
    }

    @Test
    void writesEachBucketWithItsOwnDaysOffsetAcrossADaylightSavingChange() {
        SimulatedCampaign campaign = snap.account().campaigns().get(0);

        JsonNode timeseries = SnapSandbox.json(dayStats(campaign.id(), "2026-10-31T00:00:00.000-07:00",
                "2026-11-03T00:00:00.000-08:00", "")).at("/timeseries_stats/0/timeseries_stat/timeseries");

        List<String> starts = new ArrayList<>();
        timeseries.forEach(bucket -> starts.add(bucket.get("start_time").asText()));
        assertThat(starts).containsExactly("2026-10-31T00:00:00.000-07:00", "2026-11-01T00:00:00.000-07:00",
                "2026-11-02T00:00:00.000-08:00");
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource({
            "2026-09-01T00:00:00.000Z,      2026-09-05T00:00:00.000-07:00, start of day",
            "2026-09-01T00:00:00.000-07:00, 2026-09-05T12:00:00.000-07:00, start of day",
            "2026-08-01T00:00:00.000-07:00, 2026-09-03T00:00:00.000-07:00, 32 days",
            "2026-09-05T00:00:00.000-07:00, 2026-09-05T00:00:00.000-07:00, 32 days",
            "yesterday,                     2026-09-05T00:00:00.000-07:00, start_time"
    })
    void refusesDayQueriesSnapRefuses(String start, String end, String reason) {
        HttpResponse<String> response = dayStats(snap.account().campaigns().get(0).id(), start, end, "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains(reason);
    }

    @Test
    void refusesInSnapsWordsADayQueryThatDoesNotStartAtTheAccountsMidnight() {
        HttpResponse<String> response = dayStats(snap.account().campaigns().get(0).id(), "2026-09-01T00:00:00.000Z",
                "2026-09-05T00:00:00.000-07:00", "");

        assertThat(SnapSandbox.json(response).get("debug_message").asText()).isEqualTo("Unsupported Stats Query: "
                + "Timeseries queries with DAY granularity must have a start time that is the start of day (00:00:00) "
                + "for the account's timezone. This account's timezone is: America/Los_Angeles");
    }

    @ParameterizedTest
    @CsvSource({"fields=video_views, video_views", "swipe_up_attribution_window=2_DAY, swipe_up_attribution_window",
            "granularity=HOUR, HOUR", "omit_empty=maybe, omit_empty"})
    void refusesParametersItCannotAnswer(String parameter, String named) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("granularity", "DAY",
                "start_time", encode("2026-09-01T00:00:00.000-07:00"), "end_time", encode("2026-09-05T00:00:00.000-07:00")));
        query.put(parameter.split("=")[0], parameter.split("=")[1]);
        HttpResponse<String> response = snap.get("/v1/campaigns/" + snap.account().campaigns().get(0).id() + "/stats?"
                + query.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining("&")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains(named);
    }

    @Test
    void putsTheNewestDataOnTheAccountTotalsAndTotalsWholeDaysExactly() {
        LocalDate day = snap.account().today().minusDays(2);
        JsonNode total = SnapSandbox.json(snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/stats?granularity=TOTAL"
                + "&fields=spend&start_time=" + encode(day + "T00:00:00.000-07:00")
                + "&end_time=" + encode(day.plusDays(1) + "T00:00:00.000-07:00"))).at("/total_stats/0/total_stat");

        Instant newest = snap.account().newestDataAt();
        Instant finalized = OffsetDateTime.parse(total.get("finalized_data_end_time").asText()).toInstant();
        assertThat(Duration.between(finalized, newest)).isBetween(Duration.ZERO, Duration.ofHours(1));
        assertThat(total.get("conversion_data_processed_end_time").asText())
                .isEqualTo(total.get("finalized_data_end_time").asText());
        assertThat(total.get("type").asText()).isEqualTo("AD_ACCOUNT");
        assertThat(total.at("/stats/spend").asLong()).isEqualTo(snap.account().report(day, day).stream()
                .mapToLong(DayOutcome::spendMicros).sum());
    }

    @Test
    void showsStaleDataThroughTheCompletenessTimes() {
        snap.account().makeStale(Duration.ofHours(72));

        JsonNode total = SnapSandbox.json(snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/stats?granularity=TOTAL"
                + "&fields=spend&start_time=" + encode("2026-09-13T20:00:00.000-07:00")
                + "&end_time=" + encode("2026-09-14T20:00:00.000-07:00"))).at("/total_stats/0/total_stat");

        Instant finalized = OffsetDateTime.parse(total.get("finalized_data_end_time").asText()).toInstant();
        assertThat(Duration.between(finalized, SnapSandbox.NOW)).isGreaterThan(Duration.ofHours(72));
    }

    @Test
    void refusesTotalsThatAreNotOnTheHour() {
        HttpResponse<String> response = snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/stats?granularity=TOTAL"
                + "&fields=spend&start_time=" + encode("2026-09-13T20:30:00.000-07:00")
                + "&end_time=" + encode("2026-09-14T20:00:00.000-07:00"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains("on the hour");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value.trim(), StandardCharsets.UTF_8);
    }
}
