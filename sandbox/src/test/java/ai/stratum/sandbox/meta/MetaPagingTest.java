package ai.stratum.sandbox.meta;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph cursor paging: Graph's default page size, the client's limit, next and previous links, stable cursors. */
class MetaPagingTest {

    private static final String ACTIVE = "[{\"field\":\"effective_status\",\"operator\":\"IN\",\"value\":[\"ACTIVE\"]}]";

    private final MetaApi meta = new MetaApi(60);

    @AfterEach
    void close() {
        meta.close();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    @Test
    void pagesByGraphsDefaultOf25AndFollowsNextToTheLastPage() {
        List<Integer> sizes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        JsonNode page = meta.get("act_1001/campaigns").json();
        sizes.add(page.get("data").size());
        ids.addAll(ids(page));
        assertThat(page.at("/paging/previous").isMissingNode()).isTrue();
        while (page.at("/paging/next").isTextual()) {
            page = meta.open(page.at("/paging/next").asText()).json();
            sizes.add(page.get("data").size());
            ids.addAll(ids(page));
            assertThat(page.at("/paging/previous").isTextual()).isTrue();
        }

        assertThat(sizes).containsExactly(25, 25, 10);
        assertThat(ids).doesNotHaveDuplicates()
                .containsExactlyElementsOf(meta.account.campaigns().stream().map(SimulatedCampaign::id).toList());
    }

    @Test
    void honoursTheLimitAndResumesAfterTheCursor() {
        JsonNode first = meta.get("act_1001/campaigns", "limit", "40").json();
        JsonNode second = meta.get("act_1001/campaigns", "limit", "40", "after",
                first.at("/paging/cursors/after").asText()).json();

        assertThat(first.get("data")).hasSize(40);
        assertThat(second.get("data")).hasSize(20);
        assertThat(second.at("/paging/next").isMissingNode()).isTrue();
        assertThat(ids(second).get(0)).isEqualTo(meta.account.campaigns().get(40).id());
    }

    @Test
    void theBeforeCursorGoesBackAPage() {
        JsonNode second = meta.get("act_1001/campaigns", "limit", "20", "after", GraphPaging.encode(19)).json();

        JsonNode back = meta.open(second.at("/paging/previous").asText()).json();

        assertThat(ids(back)).isEqualTo(meta.account.campaigns().subList(0, 20).stream().map(SimulatedCampaign::id).toList());
    }

    @Test
    void theNextLinkKeepsTheRequestsParametersOnThisServer() {
        JsonNode page = meta.get("act_1001/campaigns", "fields", "id,name", "limit", "10").json();

        String next = page.at("/paging/next").asText();

        assertThat(next).startsWith(meta.base() + MetaApi.V + "act_1001/campaigns?")
                .contains("fields=id%2Cname", "limit=10", "after=" + page.at("/paging/cursors/after").asText());
    }

    @Test
    void aFilteredListSkipsNothingWhenItsEntriesChangeBetweenPages() {
        List<String> active = meta.account.campaigns().stream().filter(c -> c.status() == EntityStatus.ACTIVE)
                .map(SimulatedCampaign::id).toList();
        List<String> listed = new ArrayList<>();

        JsonNode page = meta.get("act_1001/campaigns", "filtering", ACTIVE, "limit", "10").json();
        while (true) {
            for (JsonNode campaign : page.get("data")) {
                listed.add(campaign.get("id").asText());
                meta.post(campaign.get("id").asText(), "status", "PAUSED");
            }
            if (!page.at("/paging/next").isTextual()) {
                break;
            }
            page = meta.open(page.at("/paging/next").asText()).json();
        }

        assertThat(listed).containsExactlyElementsOf(active);
    }

    @Test
    void anEmptyListHasNoPaging() {
        try (MetaApi empty = new MetaApi(0)) {
            assertThat(empty.get("act_1001/campaigns").json().toString()).isEqualTo("{\"data\":[]}");
        }
    }

    @Test
    void insightsCursorsAreMetasOffsets() {
        JsonNode page = meta.get("act_1001/insights", "level", "campaign", "time_increment", "1", "limit", "25",
                "time_range", "{\"since\":\"2026-09-01\",\"until\":\"2026-09-14\"}").json();

        assertThat(page.at("/paging/cursors/before").asText()).isEqualTo("MAZDZD");
        assertThat(page.at("/paging/cursors/after").asText()).isEqualTo("MjQZD");
        assertThat(GraphPaging.encode(41)).isEqualTo("NDEZD");
    }

    @Test
    void refusesALimitThatIsNotAPositiveNumber() {
        MetaApi.Reply reply = meta.get("act_1001/campaigns", "limit", "many");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error().get("code").asInt()).isEqualTo(100);
    }
}
