package ai.stratum.server.ml.eventquality;

import ai.stratum.plugin.api.Platform;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared Meta Conversions API fixture ({@code fixtures/meta/capi.events.request.json}, a copy of
 * the project's shared fixture): three events whose hashes are real SHA-256 of known normalized
 * plaintexts, and whose IP addresses are documentation addresses (RFC 5737 and 2001:db8::/32), as
 * synthetic data should be, and as no real visitor's address can be.
 */
class MetaCapiFixtureTest {

    private static List<Map<String, Object>> events;

    private final EventQualityAnalyzer analyzer = new EventQualityAnalyzer();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        try (InputStream in = MetaCapiFixtureTest.class.getResourceAsStream("/fixtures/meta/capi.events.request.json")) {
            Map<String, Object> body = new ObjectMapper().readValue(in, Map.class);
            events = (List<Map<String, Object>>) body.get("data");
        }
    }

    @ParameterizedTest(name = "event {0}: hashes of {1} and {2}")
    @CsvSource({
            "0, jane.doe@example.com, 16505551234",
            "1, m.rossi@example.it,   393471234567",
            "2, lee.chen@example.org, 14155550199"})
    void carriesTheSha256OfTheNormalizedEmailAndPhone(int index, String email, String phone) {
        Map<?, ?> user = (Map<?, ?>) events.get(index).get("user_data");

        assertThat(user.get("em")).isEqualTo(List.of(Events.sha256(email)));
        assertThat(user.get("ph")).isEqualTo(List.of(Events.sha256(phone)));
    }

    @ParameterizedTest(name = "event {0}: {1} is flagged")
    @CsvSource(delimiter = '|', value = {
            "0 | is a documentation address (RFC 5737)",
            "1 | is a documentation address (2001:db8::/32)",
            "2 | is a documentation address (RFC 5737)"})
    void scoresEachEventEightyFiveWithItsDocumentationIpAddressFlagged(int index, String reason) {
        EventQualityResult result = analyzer.analyze(events.get(index), Platform.META);

        assertThat(result.score()).isEqualTo(85);
        assertThat(result.level()).isEqualTo(QualityLevel.EXCELLENT);
        assertThat(result.roasImpactEstimate()).isEqualTo("~95% attribution accuracy");
        assertThat(result.missingFields()).containsExactly(MatchKey.IP_ADDRESS);
        assertThat(result.invalidFields()).hasSize(1);
        assertThat(result.invalidFields().get(0).path()).isEqualTo("user_data.client_ip_address");
        assertThat(result.invalidFields().get(0).reason()).startsWith(reason);
        assertThat(result.recommendations()).hasSize(1);
    }

    @Test
    void scoresAHundredWithAPublicAddressInPlaceOfTheDocumentationOne() {
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) events.get(0).get("user_data");
        Map<String, Object> event = new java.util.LinkedHashMap<>(events.get(0));
        Map<String, Object> publicUser = new java.util.LinkedHashMap<>(user);
        publicUser.put("client_ip_address", Events.PUBLIC_IPV4);
        event.put("user_data", publicUser);

        EventQualityResult result = analyzer.analyze(event, Platform.META);

        assertThat(result.score()).isEqualTo(100);
        assertThat(result.invalidFields()).isEmpty();
        assertThat(result.missingFields()).isEmpty();
        assertThat(result.recommendations()).isEmpty();
    }
}
