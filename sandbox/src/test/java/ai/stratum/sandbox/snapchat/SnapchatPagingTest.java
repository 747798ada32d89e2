package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaign lists page as Snap's do: {@code limit} 50-1,000, {@code paging.next_link} to the next page. */
class SnapchatPagingTest {

    private static final String CAMPAIGNS = "/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID + "/campaigns";

    private final SnapSandbox snap = new SnapSandbox();

    @AfterEach
    void close() {
        snap.close();
    }

    @Test
    void pagesByTheLimitAskedAndLinksEachNextPageOnItsOwnHost() {
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        String next = CAMPAIGNS + "?limit=50";
        while (next != null) {
            JsonNode page = SnapSandbox.json(snap.get(next));
            sizes.add(page.get("campaigns").size());
            page.get("campaigns").forEach(item -> ids.add(item.at("/campaign/id").asText()));
            JsonNode link = page.at("/paging/next_link");
            if (link.isMissingNode()) {
                next = null;
            } else {
                URI uri = URI.create(link.asText());
                assertThat(uri.getPort()).isEqualTo(snap.base().getPort());
                assertThat(uri.getPath()).isEqualTo(CAMPAIGNS);
                assertThat(uri.getRawQuery()).matches("cursor=[A-Za-z0-9_-]+&limit=50");
                next = uri.getPath() + "?" + uri.getRawQuery();
            }
        }

        assertThat(sizes).containsExactly(50, 50, 37);
        assertThat(ids).containsExactlyElementsOf(snap.account().campaigns().stream().map(SimulatedCampaign::id).toList());
    }

    @Test
    void answersEverythingAtOnceWithoutALimit() {
        JsonNode answer = SnapSandbox.json(snap.get(CAMPAIGNS));

        assertThat(answer.get("campaigns")).hasSize(137);
        assertThat(answer.has("paging")).isFalse();
    }

    @Test
    void endsWithoutALinkWhenTheLimitCoversTheRest() {
        assertThat(SnapSandbox.json(snap.get(CAMPAIGNS + "?limit=1000")).has("paging")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"49", "1001", "0", "fifty"})
    void refusesALimitOutsideFiftyToAThousand(String limit) {
        HttpResponse<String> response = snap.get(CAMPAIGNS + "?limit=" + limit);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("request_status").asText()).isEqualTo("ERROR");
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains("limit", limit);
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        HttpResponse<String> response = snap.get(CAMPAIGNS + "?limit=50&cursor=bm90LW91cnM");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SnapSandbox.json(response).get("debug_message").asText()).contains("cursor");
    }

    @Test
    void answersAnUnknownAdAccountWithSnapsNotFound() {
        HttpResponse<String> response = snap.get("/v1/adaccounts/00000000-0000-0000-0000-000000000000/campaigns");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = SnapSandbox.json(response);
        assertThat(body.get("error_code").asText()).isEqualTo("E3003");
        assertThat(body.get("debug_message").asText()).isEqualTo("Resource can not be found");
    }

    @Test
    void servesTheAdAccountsCurrencyAndTimeZone() {
        JsonNode account = SnapSandbox.json(snap.get("/v1/adaccounts/" + SnapSandbox.ACCOUNT_ID))
                .at("/adaccounts/0/adaccount");

        assertThat(account.get("id").asText()).isEqualTo(SnapSandbox.ACCOUNT_ID);
        assertThat(account.get("currency").asText()).isEqualTo("USD");
        assertThat(account.get("timezone").asText()).isEqualTo("America/Los_Angeles");
    }
}
