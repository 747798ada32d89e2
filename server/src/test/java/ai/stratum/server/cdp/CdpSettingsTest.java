package ai.stratum.server.cdp;

import ai.stratum.server.cdp.ingest.EventRepointer;
import ai.stratum.server.support.TrackingClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The STRATUM_CDP_* settings change what the server does: limits, order events, trait strategies, sizes. */
@MicronautTest(transactional = false)
class CdpSettingsTest extends CdpIntegrationTest {

    @Inject
    EventRepointer repointer;

    private Tenant tenant;
    private TrackingClient tracking;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of(
                "stratum.cdp.max-emails-per-profile", "2",
                "stratum.cdp.max-user-ids-per-profile", "2",
                "stratum.cdp.order-events", "Purchase,Subscription Started",
                "stratum.cdp.trait-merge", "plan=FIRST",
                "stratum.cdp.max-event-bytes", "2048",
                "stratum.cdp.max-batch-bytes", "4096",
                "stratum.cdp.max-batch-events", "3",
                "stratum.cdp.repoint-batch-size", "2",
                // the scheduled run waits an hour here, so the test's own run does all the moving
                "stratum.cdp.repoint-interval", "1h");
    }

    @BeforeAll
    void aTenantWithASource() {
        tenant = newTenant();
        tracking = tracking();
    }

    @Test
    void theEmailLimitIsConfigurable() {
        String device = id("device");
        for (int i = 1; i <= 3; i++) {
            tracking.send(tenant.writeKey(), "identify", "{\"anonymousId\": \"%s\", \"traits\": {\"email\": \"p%d-%s@example.com\"}}"
                    .formatted(device, i, device));
        }

        Map<String, Object> shared = profileBy(tenant.analyst(), "ANONYMOUS_ID", device);

        assertThat((List<Map<String, Object>>) shared.get("identifiers")).filteredOn(identifier -> identifier.get("type").equals("EMAIL"))
                .hasSize(2);
    }

    @Test
    void twoUserIdsMayShareAProfileWhenConfigured() {
        String device = id("device");
        String first = id("first");
        String second = id("second");
        tracking.send(tenant.writeKey(), "identify", "{\"anonymousId\": \"%s\", \"userId\": \"%s\"}".formatted(device, first));
        tracking.send(tenant.writeKey(), "identify", "{\"anonymousId\": \"%s\", \"userId\": \"%s\"}".formatted(device, second));

        assertThat(profileBy(tenant.analyst(), "USER_ID", first).get("id")).isEqualTo(profileBy(tenant.analyst(), "USER_ID", second).get("id"));
    }

    @Test
    void orderEventsAreTheConfiguredNames() {
        String user = id("user");
        tracking.send(tenant.writeKey(), "batch", ("{\"batch\": ["
                + "{\"type\": \"track\", \"userId\": \"%1$s\", \"event\": \"purchase\", \"properties\": {\"value\": 9.5}},"
                + "{\"type\": \"track\", \"userId\": \"%1$s\", \"event\": \"Subscription Started\"},"
                + "{\"type\": \"track\", \"userId\": \"%1$s\", \"event\": \"Order Completed\", \"properties\": {\"revenue\": 100}}]}").formatted(user));

        Map<String, Object> profile = profileBy(tenant.analyst(), "USER_ID", user);

        assertThat(profile.get("orderCount")).isEqualTo(2);
        assertThat(profile.get("lifecycle")).isEqualTo("CUSTOMER");
        assertThat(profile.get("totalRevenue")).isEqualTo(List.of(Map.of("amount", 9.5, "amountMicros", 9_500_000, "currency", "EUR")));
    }

    @Test
    void aTraitConfiguredFirstKeepsItsOldestValue() {
        String user = id("user");
        tracking.send(tenant.writeKey(), "identify", "{\"userId\": \"%s\", \"traits\": {\"plan\": \"trial\", \"city\": \"Rome\"}, "
                .formatted(user) + "\"timestamp\": \"2026-01-01T00:00:00Z\"}");
        tracking.send(tenant.writeKey(), "identify", "{\"userId\": \"%s\", \"traits\": {\"plan\": \"pro\", \"city\": \"Oslo\"}, "
                .formatted(user) + "\"timestamp\": \"2026-06-01T00:00:00Z\"}");

        Map<String, Object> traits = (Map<String, Object>) profileBy(tenant.analyst(), "USER_ID", user).get("traits");

        assertThat(traits).containsEntry("plan", "trial").containsEntry("city", "Oslo");
    }

    @Test
    void theSizeLimitsAreConfigurable() {
        String big = "x".repeat(2100);

        TrackingClient.Response single = tracking.send(tenant.writeKey(), "track", "{\"userId\": \"u\", \"event\": \"" + big + "\"}");
        TrackingClient.Response batch = tracking.send(tenant.writeKey(), "batch", "{\"batch\": [{\"type\": \"track\", \"userId\": \"u\", "
                + "\"event\": \"x\", \"properties\": {\"p\": \"" + big + big + "\"}}]}");
        TrackingClient.Response many = tracking.send(tenant.writeKey(), "batch", "{\"batch\": [{\"type\":\"page\",\"userId\":\"u\"},"
                + "{\"type\":\"page\",\"userId\":\"u\"},{\"type\":\"page\",\"userId\":\"u\"},{\"type\":\"page\",\"userId\":\"u\"}]}");

        assertThat(single.status()).isEqualTo(413);
        assertThat((String) single.body().get("message")).contains("2048 bytes");
        assertThat(batch.status()).isEqualTo(413);
        assertThat((String) batch.body().get("message")).contains("4096 bytes");
        assertThat(many.status()).isEqualTo(400);
        assertThat((String) many.body().get("message")).contains("limit of 3");
    }

    @Test
    void eventsOfAMergedProfileMoveInBatchesOfTheConfiguredSize() {
        String device = id("device");
        String user = id("user");
        tracking.send(tenant.writeKey(), "identify", "{\"userId\": \"%s\", \"timestamp\": \"2026-01-01T00:00:00Z\"}".formatted(user));
        for (int i = 0; i < 5; i++) {
            tracking.send(tenant.writeKey(), "page", "{\"anonymousId\": \"%s\"}".formatted(device));
        }
        UUID merged = UUID.fromString((String) profileBy(tenant.analyst(), "ANONYMOUS_ID", device).get("id"));
        tracking.send(tenant.writeKey(), "alias", "{\"userId\": \"%s\", \"previousId\": \"%s\"}".formatted(user, device));
        UUID survivor = UUID.fromString((String) profileBy(tenant.analyst(), "USER_ID", user).get("id"));

        long moved = repointer.runOnce().block();

        assertThat(moved).as("this profile's 5 events, and any other test's merged events").isGreaterThanOrEqualTo(5);
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND profile_id = ?", tenant.uuid(), merged)).isZero();
        assertThat(count("SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND profile_id = ?", tenant.uuid(), survivor)).isEqualTo(7);
    }
}
