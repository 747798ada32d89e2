package ai.stratum.plugins.meta;

import static ai.stratum.plugins.meta.MetaWire.ACCOUNT;
import static ai.stratum.plugins.meta.MetaWire.ACCOUNT_ID;
import static ai.stratum.plugins.meta.MetaWire.NOW;
import static ai.stratum.plugins.meta.MetaWire.failure;
import static ai.stratum.plugins.meta.MetaWire.fixture;
import static ai.stratum.plugins.meta.MetaWire.join;
import static org.assertj.core.api.Assertions.assertThat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.testkit.RecordedRequest;
import ai.stratum.plugin.testkit.WireResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetaEventMatchQualityTest {

    private static final String PIXELS = ACCOUNT + "/adspixels";
    private static final String QUALITY = "/v25.0/dataset_quality";
    /** A page of the ad account's datasets, in the Graph API's list shape. */
    private static final String TWO_PIXELS_FIRST_PAGE = "{\"data\":[{\"id\":\"1357924680\",\"name\":\"Web\"}],"
            + "\"paging\":{\"cursors\":{\"before\":\"QVFIa\",\"after\":\"QVFIb\"},"
            + "\"next\":\"https://graph.facebook.com/v25.0/act_102938475610293/adspixels?after=QVFIb\"}}";
    private static final String TWO_PIXELS_LAST_PAGE = "{\"data\":[{\"id\":\"2468013579\",\"name\":\"Shop\"}],"
            + "\"paging\":{\"cursors\":{\"before\":\"QVFIb\",\"after\":\"QVFIc\"}}}";

    private final MetaWire meta = new MetaWire();
    private final MetaSignalCollector collector = new MetaSignalCollector();

    @AfterEach
    void stop() {
        meta.close();
    }

    @Test
    void readsTheCompositeScoreOfEveryEventOfEveryDatasetOfTheAccount() {
        meta.server.on("GET", PIXELS).withoutQuery("after").respond(WireResponse.json(200, TWO_PIXELS_FIRST_PAGE));
        meta.server.on("GET", PIXELS).withQuery("after", "QVFIb").respond(WireResponse.json(200, TWO_PIXELS_LAST_PAGE));
        meta.server.on("GET", QUALITY).respond(fixture("meta/dataset-quality.web.json"));

        var readings = join(collector.eventMatchQuality(meta.context(), ACCOUNT_ID));

        assertThat(readings).containsExactly(
                new EventMatchQuality("1357924680", "Purchase", 7.8, NOW),
                new EventMatchQuality("1357924680", "AddToCart", 6.1, NOW),
                new EventMatchQuality("2468013579", "Purchase", 7.8, NOW),
                new EventMatchQuality("2468013579", "AddToCart", 6.1, NOW));
        assertThat(meta.requests("GET", QUALITY)).extracting(request -> request.query().get("dataset_id"))
                .containsExactly("1357924680", "2468013579");
    }

    @Test
    void asksTheDatasetQualityApiForTheWebEventsMatchQuality() {
        meta.server.on("GET", PIXELS).respond(WireResponse.json(200, TWO_PIXELS_LAST_PAGE));
        meta.server.on("GET", QUALITY).respond(fixture("meta/dataset-quality.web.json"));

        join(collector.eventMatchQuality(meta.context(), ACCOUNT_ID));

        RecordedRequest request = meta.requests("GET", QUALITY).get(0);
        assertThat(request.query()).containsEntry("fields", "web{event_name,event_match_quality}");
        assertThat(meta.requests("GET", PIXELS).get(0).query()).containsEntry("fields", "id,name");
    }

    @Test
    void hasNoReadingsForAnAccountWithoutDatasets() {
        meta.server.on("GET", PIXELS).respond(WireResponse.json(200, "{\"data\":[]}"));

        assertThat(join(collector.eventMatchQuality(meta.context(), ACCOUNT_ID))).isEmpty();
        assertThat(meta.requests("GET", QUALITY)).isEmpty();
    }

    @Test
    void leavesOutAnEventMetaHasNoScoreFor() {
        meta.server.on("GET", PIXELS).respond(WireResponse.json(200, TWO_PIXELS_LAST_PAGE));
        meta.server.on("GET", QUALITY).respond(WireResponse.json(200, "{\"web\":[{\"event_name\":\"Lead\","
                + "\"event_coverage\":{\"percentage\":12}},{\"event_name\":\"Purchase\","
                + "\"event_match_quality\":{\"composite_score\":9.3}}]}"));

        assertThat(join(collector.eventMatchQuality(meta.context(), ACCOUNT_ID)))
                .containsExactly(new EventMatchQuality("2468013579", "Purchase", 9.3, NOW));
    }

    @Test
    void failsAsMalformedOnAScoreOutsideZeroToTen() {
        meta.server.on("GET", PIXELS).respond(WireResponse.json(200, TWO_PIXELS_LAST_PAGE));
        meta.server.on("GET", QUALITY).respond(WireResponse.json(200,
                "{\"web\":[{\"event_name\":\"Purchase\",\"event_match_quality\":{\"composite_score\":78}}]}"));

        ConnectorException failure = failure(collector.eventMatchQuality(meta.context(), ACCOUNT_ID));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.MALFORMED_RESPONSE);
    }

    @Test
    void failsWholeWhenOneDatasetsQualityCannotBeRead() {
        meta.server.on("GET", PIXELS).withoutQuery("after").respond(WireResponse.json(200, TWO_PIXELS_FIRST_PAGE));
        meta.server.on("GET", PIXELS).withQuery("after", "QVFIb").respond(WireResponse.json(200, TWO_PIXELS_LAST_PAGE));
        meta.server.on("GET", QUALITY).withQuery("dataset_id", "1357924680").respond(fixture("meta/dataset-quality.web.json"));
        meta.server.on("GET", QUALITY).withQuery("dataset_id", "2468013579").respond(WireResponse.json(400,
                MetaErrorMappingTest.graphError(100, 33, "Unsupported get request.")));

        ConnectorException failure = failure(collector.eventMatchQuality(meta.context(), ACCOUNT_ID));

        assertThat(failure.failure()).isEqualTo(ConnectorException.Failure.REJECTED);
    }
}
