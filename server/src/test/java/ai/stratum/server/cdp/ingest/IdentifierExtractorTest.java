package ai.stratum.server.cdp.ingest;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierExtractorTest {

    @Test
    void readsIdsTraitsExternalIdsAndClickIds() {
        Map<String, Object> context = Map.of(
                "externalIds", List.of(
                        Map.of("id", "42", "type", "hubspot_id", "collection", "users", "encoding", "none"),
                        Map.of("id", "Other@Example.com", "type", "email", "encoding", "none"),
                        Map.of("id", "5e884898da28", "type", "email", "encoding", "sha256"),
                        Map.of("type", "missing_id")),
                "page", Map.of("url", "https://shop.example/?gclid=g1"));

        List<Identifier> found = IdentifierExtractor.extract(Optional.of("anon-1"), Optional.of("user-1"),
                Map.of("email", " Jane@Example.com ", "phone", "+1 555 010 9999"), context, Map.of());

        assertThat(found).containsExactly(
                new Identifier(IdentifierType.USER_ID, "user-1"),
                new Identifier(IdentifierType.EMAIL, "jane@example.com"),
                new Identifier(IdentifierType.EMAIL, "other@example.com"),
                new Identifier(IdentifierType.PHONE, "+15550109999"),
                new Identifier(IdentifierType.EXTERNAL_ID, "email_sha256:5e884898da28"),
                new Identifier(IdentifierType.EXTERNAL_ID, "hubspot_id:42"),
                new Identifier(IdentifierType.CLICK_ID, "gclid:g1"),
                new Identifier(IdentifierType.ANONYMOUS_ID, "anon-1"));
    }

    @Test
    void anInvalidEmailOrPhoneStaysATraitOnly() {
        List<Identifier> found = IdentifierExtractor.extract(Optional.of("anon-1"), Optional.empty(),
                Map.of("email", "not an email", "phone", "call me"), Map.of(), Map.of());

        assertThat(found).containsExactly(new Identifier(IdentifierType.ANONYMOUS_ID, "anon-1"));
    }

    @Test
    void numericIdsAreReadAsText() {
        assertThat(IdentifierExtractor.text(12345L)).contains("12345");
        assertThat(IdentifierExtractor.text(12.5)).isEmpty();
        assertThat(IdentifierExtractor.text(true)).isEmpty();
    }
}
