package ai.stratum.server.cdp;

import ai.stratum.server.cdp.score.CdpScoreJob;
import ai.stratum.server.cdp.score.CdpScoreService;
import ai.stratum.server.support.Signals;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CDP score as the trust engine's CDP component: ingesting events moves every account's
 * cdpEmqScore (10 % of the overall score), and a tenant without CDP data has no CDP component.
 */
@MicronautTest(transactional = false)
class CdpScoreTest extends CdpIntegrationTest {

    private static final String INGEST_SIGNALS = "mutation($in: SignalsInput!) { ingestSignals(input: $in) { overallScore cdpEmqScore } }";
    private static final String HEALTH = "query($a: String!) { signalHealth(platform: META, accountId: $a) { overallScore cdpEmqScore } }";
    private static final String INGEST = "mutation($events: [EventInput!]!) { ingestEvents(events: $events) { accepted } }";
    private static final String SCORE = "{ cdpScore { score events eventsWithStrongIdentifier eventShare profiles profilesWithStrongIdentifier "
            + "profileShare audienceSent audienceMatched audienceMatchRate computedAt } }";

    @Inject
    CdpScoreService scores;

    @Inject
    CdpScoreJob job;

    @Test
    void ingestingEventsMovesSignalHealthsCdpEmqScore() {
        Tenant tenant = newTenant();
        String account = id("act");
        // the degraded account scores 66 without a CDP component (EMQ 50, freshness 50, anomaly 90)
        tenant.admin().execute(INGEST_SIGNALS, Map.of("in", Signals.degraded("META", account))).assertNoErrors();
        assertThat(health(tenant, account)).containsEntry("cdpEmqScore", null);
        assertThat(overall(tenant, account)).isCloseTo(66.0, within(0.01));

        ingest(tenant, identified(), identified());
        job.runOnce().block();

        assertThat(health(tenant, account)).containsEntry("cdpEmqScore", 100.0);
        assertThat(overall(tenant, account)).as("0.9 × 66 + 0.1 × 100").isCloseTo(69.4, within(0.01));

        ingest(tenant, anonymous(), anonymous());
        scores.refresh(new TenantId(tenant.uuid())).block();

        assertThat(health(tenant, account)).containsEntry("cdpEmqScore", 50.0);
        assertThat(overall(tenant, account)).as("0.9 × 66 + 0.1 × 50").isCloseTo(64.4, within(0.01));
        Map<String, Object> score = tenant.viewer().execute(SCORE).assertNoErrors().data("cdpScore");
        assertThat(score).containsEntry("score", 50.0).containsEntry("events", 4).containsEntry("eventsWithStrongIdentifier", 2)
                .containsEntry("eventShare", 0.5).containsEntry("profiles", 4).containsEntry("profilesWithStrongIdentifier", 2)
                .containsEntry("profileShare", 0.5).containsEntry("audienceSent", 0).containsEntry("audienceMatchRate", null);
    }

    @Test
    void audienceSyncMatchRatesCountWhenThereAreAny() {
        Tenant tenant = newTenant();
        ingest(tenant, identified(), anonymous());
        // two reports of one platform: only the newest counts
        execute("INSERT INTO cdp_audience_match_reports (tenant_id, platform, measured_at, sent, matched) VALUES "
                + "(?::uuid, 'META', now() - interval '2 days', 100, 10), (?::uuid, 'META', now() - interval '1 day', 10, 10)",
                tenant.id(), tenant.id());

        scores.refresh(new TenantId(tenant.uuid())).block();

        Map<String, Object> score = tenant.viewer().execute(SCORE).assertNoErrors().data("cdpScore");
        assertThat(score).containsEntry("audienceSent", 10).containsEntry("audienceMatched", 10).containsEntry("audienceMatchRate", 1.0);
        assertThat((Double) score.get("score")).as("0.4 × 0.5 + 0.4 × 0.5 + 0.2 × 1").isCloseTo(60.0, within(1e-9));
    }

    @Test
    void withoutCdpDataTheComponentStaysAbsentOrComesFromTheSignalsSent() {
        Tenant tenant = newTenant();
        String quiet = id("act");
        String external = id("act");
        tenant.admin().execute(INGEST_SIGNALS, Map.of("in", Signals.degraded("META", quiet))).assertNoErrors();
        Map<String, Object> withCdp = new HashMap<>(Signals.degraded("META", external));
        withCdp.put("cdpEmqScore", 30.0);
        tenant.admin().execute(INGEST_SIGNALS, Map.of("in", withCdp)).assertNoErrors();

        job.runOnce().block();

        assertThat((Object) tenant.viewer().execute(SCORE).assertNoErrors().data("cdpScore")).isNull();
        assertThat(health(tenant, quiet)).containsEntry("cdpEmqScore", null);
        assertThat(overall(tenant, quiet)).as("not 0.9 × 66").isCloseTo(66.0, within(0.01));
        assertThat(health(tenant, external)).containsEntry("cdpEmqScore", 30.0);
        assertThat(overall(tenant, external)).isCloseTo(62.4, within(0.01));

        ingest(tenant, identified());
        job.runOnce().block();

        assertThat(health(tenant, external)).as("the tenant's own CDP score replaces the one sent").containsEntry("cdpEmqScore", 100.0);
    }

    private Map<String, Object> health(Tenant tenant, String account) {
        return tenant.viewer().execute(HEALTH, Map.of("a", account)).assertNoErrors().data("signalHealth");
    }

    private double overall(Tenant tenant, String account) {
        return ((Number) health(tenant, account).get("overallScore")).doubleValue();
    }

    @SafeVarargs
    private void ingest(Tenant tenant, Map<String, Object>... events) {
        var result = tenant.analyst().execute(INGEST, Map.of("events", List.of(events))).assertNoErrors();
        assertThat((Integer) result.data("ingestEvents.accepted")).isEqualTo(events.length);
    }

    private static Map<String, Object> identified() {
        String user = id("user");
        return Map.of("type", "IDENTIFY", "userId", user, "traits", Map.of("email", user + "@example.com"));
    }

    private static Map<String, Object> anonymous() {
        return Map.of("type", "PAGE", "anonymousId", id("anon"), "name", "Home");
    }
}
