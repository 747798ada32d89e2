package ai.stratum.server.cdp;

import ai.stratum.server.support.GraphQLClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consent per purpose: from events' context.consent as Segment's consent management sends it, and
 * by setConsent; the newest statement by when it was made wins, also across merges.
 */
@MicronautTest(transactional = false)
class ConsentTest extends CdpIntegrationTest {

    private static final String INGEST = "mutation($events: [EventInput!]!) { ingestEvents(events: $events) { accepted rejected } }";
    private static final String SET = "mutation($id: ID!, $consent: [ConsentInput!]!) { setConsent(profileId: $id, consent: $consent) "
            + "{ id consent { purpose granted updatedAt source } } }";

    private Tenant tenant;

    @BeforeAll
    void aTenant() {
        tenant = newTenant();
    }

    @Test
    void anEventsCategoryPreferencesSetConsentPerPurpose() {
        String user = id("user");
        ingest(event(user, "2026-11-01T10:00:00Z", Map.of("Advertising", false, "Analytics", true, "C0003", true, "C0001", true)));

        assertThat(consent(user)).containsExactly(
                row("ANALYTICS", true, "2026-11-01T10:00:00Z", "EVENT"),
                row("ADVERTISING", false, "2026-11-01T10:00:00Z", "EVENT"),
                row("PERSONALIZATION", true, "2026-11-01T10:00:00Z", "EVENT"));
    }

    @Test
    void anOlderEventArrivingLateNeverOverwritesANewerStatement() {
        String user = id("user");
        ingest(event(user, "2026-11-02T10:00:00Z", Map.of("Advertising", false)));
        ingest(event(user, "2026-11-01T10:00:00Z", Map.of("Advertising", true, "Email", true)));

        assertThat(consent(user)).containsExactly(
                row("ADVERTISING", false, "2026-11-02T10:00:00Z", "EVENT"),
                row("EMAIL", true, "2026-11-01T10:00:00Z", "EVENT"));

        ingest(event(user, "2026-11-03T10:00:00Z", Map.of("Advertising", true)));
        assertThat(consent(user)).contains(row("ADVERTISING", true, "2026-11-03T10:00:00Z", "EVENT"));
    }

    @Test
    void withinOneBatchTheNewestStatementWinsWhateverTheOrder() {
        String user = id("user");
        ingest(event(user, "2026-11-05T10:00:00Z", Map.of("Sms", true)), event(user, "2026-11-04T10:00:00Z", Map.of("Sms", false)));

        assertThat(consent(user)).containsExactly(row("SMS", true, "2026-11-05T10:00:00Z", "EVENT"));
    }

    @Test
    void setConsentRecordsAStatementUnlessANewerOneIsStored() {
        String user = id("user");
        ingest(event(user, "2026-11-10T10:00:00Z", Map.of("Email", true)));
        String profile = (String) profileBy(tenant.analyst(), "USER_ID", user).get("id");

        var set = tenant.analyst().execute(SET, Map.of("id", profile, "consent", List.of(
                Map.of("purpose", "EMAIL", "granted", false, "statedAt", "2026-11-09T10:00:00Z"),
                Map.of("purpose", "SMS", "granted", false, "statedAt", "2026-11-11T10:00:00Z")))).assertNoErrors();

        assertThat((List<Map<String, Object>>) set.data("setConsent.consent")).containsExactly(
                row("EMAIL", true, "2026-11-10T10:00:00Z", "EVENT"),
                row("SMS", false, "2026-11-11T10:00:00Z", "API"));

        tenant.analyst().execute(SET, Map.of("id", profile, "consent", List.of(Map.of("purpose", "EMAIL", "granted", false))))
                .assertNoErrors();
        assertThat(consent(user)).filteredOn(c -> c.get("purpose").equals("EMAIL")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("granted", false).containsEntry("source", "API"));
        assertThat(count("SELECT count(*) FROM audit_events WHERE tenant_id = ?::uuid AND action = 'cdp.consent.set' AND target_id = ?",
                tenant.id(), profile)).isEqualTo(2);
    }

    @Test
    void consentSurvivesAMergeWithTheNewestStatementPerPurpose() {
        String anonymous = id("anon");
        String user = id("user");
        // a device refuses advertising late, the signed-in user had granted it earlier and had refused e-mail
        ingest(Map.of("type", "PAGE", "anonymousId", anonymous, "timestamp", "2026-11-20T10:00:00Z",
                        "context", Map.of("consent", Map.of("categoryPreferences", Map.of("Advertising", false, "Email", true)))),
                event(user, "2026-11-19T10:00:00Z", Map.of("Advertising", true, "Email", false, "Analytics", true)));
        String deviceProfile = (String) profileBy(tenant.analyst(), "ANONYMOUS_ID", anonymous).get("id");
        String userProfile = (String) profileBy(tenant.analyst(), "USER_ID", user).get("id");
        assertThat(deviceProfile).isNotEqualTo(userProfile);

        ingest(Map.of("type", "IDENTIFY", "anonymousId", anonymous, "userId", user, "timestamp", "2026-11-21T10:00:00Z"));

        Map<String, Object> merged = profileBy(tenant.analyst(), "USER_ID", user);
        assertThat(profileBy(tenant.analyst(), "ANONYMOUS_ID", anonymous).get("id")).isEqualTo(merged.get("id"));
        assertThat(consent(user)).containsExactly(
                row("ANALYTICS", true, "2026-11-19T10:00:00Z", "EVENT"),
                row("ADVERTISING", false, "2026-11-20T10:00:00Z", "EVENT"),
                row("EMAIL", true, "2026-11-20T10:00:00Z", "EVENT"));
        assertThat(count("SELECT count(*) FROM cdp_consent WHERE tenant_id = ?::uuid AND profile_id IN (?::uuid, ?::uuid)",
                tenant.id(), deviceProfile, userProfile)).isEqualTo(3);
    }

    @Test
    void badInputIsRefusedByFieldAndStoresNothing() {
        String user = id("user");
        ingest(event(user, "2026-11-01T10:00:00Z", Map.of("Sms", true)));
        String profile = (String) profileBy(tenant.analyst(), "USER_ID", user).get("id");

        var twice = tenant.analyst().execute(SET, Map.of("id", profile, "consent", List.of(
                Map.of("purpose", "SMS", "granted", false), Map.of("purpose", "SMS", "granted", true))));
        var future = tenant.analyst().execute(SET, Map.of("id", profile, "consent", List.of(
                Map.of("purpose", "SMS", "granted", false, "statedAt", "2099-01-01T00:00:00Z"))));
        var none = tenant.analyst().execute(SET, Map.of("id", profile, "consent", List.of()));
        var malformed = tenant.analyst().execute(SET, Map.of("id", "not-an-id", "consent", List.of(Map.of("purpose", "SMS", "granted", false))));
        var unknown = tenant.analyst().execute(SET, Map.of("id", "00000000-0000-0000-0000-000000000001",
                "consent", List.of(Map.of("purpose", "SMS", "granted", false))));

        assertThat(field(twice)).isEqualTo("consent[1].purpose");
        assertThat(field(future)).isEqualTo("consent[0].statedAt");
        assertThat(field(none)).isEqualTo("consent");
        assertThat(field(malformed)).isEqualTo("profileId");
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(consent(user)).containsExactly(row("SMS", true, "2026-11-01T10:00:00Z", "EVENT"));
    }

    @Test
    void aViewerNeitherReadsNorSetsConsent() {
        String user = id("user");
        ingest(event(user, "2026-11-01T10:00:00Z", Map.of("Sms", true)));
        String profile = (String) profileBy(tenant.analyst(), "USER_ID", user).get("id");

        assertThat(tenant.viewer().execute(SET, Map.of("id", profile, "consent", List.of(Map.of("purpose", "SMS", "granted", false))))
                .errorCode()).isEqualTo("FORBIDDEN");
        assertThat(consent(user)).containsExactly(row("SMS", true, "2026-11-01T10:00:00Z", "EVENT"));
    }

    private static String field(GraphQLClient.Result result) {
        assertThat(result.errorCode()).isEqualTo("BAD_USER_INPUT");
        return (String) ((Map<String, Object>) result.errors().get(0).get("extensions")).get("field");
    }

    private static Map<String, Object> event(String user, String timestamp, Map<String, Object> categoryPreferences) {
        return Map.of("type", "TRACK", "event", "Viewed", "userId", user, "timestamp", timestamp,
                "context", Map.of("consent", Map.of("categoryPreferences", categoryPreferences)));
    }

    @SafeVarargs
    private void ingest(Map<String, Object>... events) {
        var result = tenant.analyst().execute(INGEST, Map.of("events", List.of(events))).assertNoErrors();
        assertThat((Integer) result.data("ingestEvents.accepted")).isEqualTo(events.length);
    }

    private List<Map<String, Object>> consent(String user) {
        return tenant.analyst().execute("query($v: String!) { profileByIdentifier(type: USER_ID, value: $v) { consent { purpose granted updatedAt source } } }",
                Map.of("v", user)).assertNoErrors().data("profileByIdentifier.consent");
    }

    private static Map<String, Object> row(String purpose, boolean granted, String updatedAt, String source) {
        return Map.of("purpose", purpose, "granted", granted, "updatedAt", updatedAt, "source", source);
    }
}
