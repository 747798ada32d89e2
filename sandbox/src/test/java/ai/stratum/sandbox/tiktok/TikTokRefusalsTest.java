package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;

import static ai.stratum.sandbox.tiktok.TikTokFixtures.shape;
import static ai.stratum.sandbox.tiktok.TikTokSandbox.ADVERTISER;
import static org.assertj.core.api.Assertions.assertThat;

/** Calls TikTok refuses inside an HTTP 200 with its return code, and paths it does not serve. */
class TikTokRefusalsTest {

    private static final String REPORT = "advertiser_id=" + ADVERTISER + "&report_type=BASIC&data_level=AUCTION_CAMPAIGN"
            + "&dimensions=%5B%22campaign_id%22,%22stat_time_day%22%5D";

    private final TikTokSandbox tiktok = new TikTokSandbox();

    @AfterEach
    void close() {
        tiktok.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an advertiser the token may not operate | advertiser/info?advertiser_ids=%5B%22999%22%5D | 40001 | 999",
            "no advertiser                 | campaign/get?page=1                                  | 40002 | advertiser_id",
            "a page larger than TikTok's   | campaign/get?advertiser_id=" + ADVERTISER + "&page_size=1001 | 40002 | page_size",
            "page zero                     | campaign/get?advertiser_id=" + ADVERTISER + "&page=0 | 40002 | page",
            "a filter the sandbox does not simulate | campaign/get?advertiser_id=" + ADVERTISER
                    + "&filtering=%7B%22objective_type%22:%22TRAFFIC%22%7D | 40002 | objective_type",
            "a list that is not JSON       | advertiser/info?advertiser_ids=%5B7001 | 40002 | advertiser_ids",
            "31 days by day                | report/integrated/get?" + REPORT
                    + "&start_date=2026-08-01&end_date=2026-08-31 | 40002 | 30 days",
            "an end before the start       | report/integrated/get?" + REPORT
                    + "&start_date=2026-09-10&end_date=2026-09-01 | 40002 | end_date",
            "a date in another format      | report/integrated/get?" + REPORT
                    + "&start_date=20260901&end_date=2026-09-02 | 40002 | start_date",
            "a metric the sandbox does not simulate | report/integrated/get?" + REPORT
                    + "&metrics=%5B%22video_play_actions%22%5D&start_date=2026-09-01&end_date=2026-09-02 | 40002 | video_play_actions",
            "another level's dimension     | report/integrated/get?advertiser_id=" + ADVERTISER
                    + "&report_type=BASIC&data_level=AUCTION_CAMPAIGN&dimensions=%5B%22adgroup_id%22,%22stat_time_day%22%5D"
                    + "&start_date=2026-09-01&end_date=2026-09-02 | 40002 | dimensions",
            "an audience report            | report/integrated/get?advertiser_id=" + ADVERTISER
                    + "&report_type=AUDIENCE&data_level=AUCTION_CAMPAIGN&dimensions=%5B%22campaign_id%22%5D"
                    + "&start_date=2026-09-01&end_date=2026-09-02 | 40002 | report_type"
    })
    void refusesInsideA200WithTikToksReturnCode(String why, String pathAndQuery, int code, String named) {
        HttpResponse<String> response = tiktok.send("GET", "/open_api/v1.3/" + pathAndQuery.replaceFirst("\\?", "/?"),
                TikTokSandbox.TOKEN, null, null);

        JsonNode body = Json.read(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("code").asInt()).isEqualTo(code);
        assertThat(body.path("message").asText()).contains(named);
        assertThat(shape(body)).isEqualTo(shape(TikTokFixtures.read("tiktok/error.40100-rate-limit.json")));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET,  /open_api/v1.3/campaign/get, 404",
            "GET,  /open_api/v1.2/campaign/get/, 404",
            "GET,  /open_api/v1.3/campaign/list/, 404",
            "POST, /open_api/v1.3/campaign/get/, 405",
            "GET,  /open_api/v1.3/campaign/update/, 405"
    })
    void answersPathsItDoesNotServeWithAnHttpError(String method, String path, int status) {
        HttpResponse<String> response = tiktok.send(method, path + "?advertiser_id=" + ADVERTISER, TikTokSandbox.TOKEN,
                "application/json", method.equals("POST") ? "{}" : null);

        assertThat(response.statusCode()).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a body that is not JSON | {not json",
            "a body that is a list   | []"
    })
    void refusesAWriteItCannotReadAsAParameterError(String why, String body) {
        JsonNode answer = Json.read(tiktok.post("campaign/update", body).body());

        assertThat(answer.path("code").asInt()).isEqualTo(40002);
        assertThat(tiktok.state().mutations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no campaign ids     | {\"advertiser_id\":\"" + ADVERTISER + "\",\"operation_status\":\"DISABLE\"}",
            "an unknown status   | {\"advertiser_id\":\"" + ADVERTISER + "\",\"campaign_ids\":[\"1\"],\"operation_status\":\"PAUSE\"}",
            "an empty id list    | {\"advertiser_id\":\"" + ADVERTISER + "\",\"campaign_ids\":[],\"operation_status\":\"DISABLE\"}"
    })
    void refusesAStatusUpdateWithoutValidParameters(String why, String body) {
        assertThat(Json.read(tiktok.post("campaign/status/update", body).body()).path("code").asInt()).isEqualTo(40002);
        assertThat(tiktok.state().mutations()).isEmpty();
    }
}
