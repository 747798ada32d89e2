package ai.stratum.server.cdp.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IdentifierNormalizerTest {

    @ParameterizedTest(name = "email ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "jane@example.com           | jane@example.com",
            "  Jane.Doe@Example.COM     | jane.doe@example.com",
            "JANE+tag@sub.example.co.uk | jane+tag@sub.example.co.uk",
            "jane@localhost             | NONE",
            "jane@@example.com          | NONE",
            "jane example@example.com   | NONE",
            "@example.com               | NONE",
            "jane@                      | NONE",
            "''                         | NONE"})
    void normalizesEmails(String raw, String expected) {
        assertThat(IdentifierNormalizer.email(raw)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "phone ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "+1 (555) 010-9999     | +15550109999",
            "+49 30 1234567        | +49301234567",
            "0049 30 1234567       | +49301234567",
            "+44.20.7946.0958      | +442079460958",
            "030 1234567           | 0301234567",
            "555-0199              | 5550199",
            "+1 555 CALL NOW       | NONE",
            "12345                 | NONE",
            "+1234567890123456     | NONE",
            "++15550109999         | NONE",
            "''                    | NONE"})
    void normalizesPhonesTowardsE164(String raw, String expected) {
        assertThat(IdentifierNormalizer.phone(raw)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "USER_ID      |  User-1      | User-1",
            "ANONYMOUS_ID | a1b2c3       | a1b2c3",
            "USER_ID      | '   '        | NONE",
            "EXTERNAL_ID  | HubSpot: 42  | hubspot:42",
            "EXTERNAL_ID  | hubspot      | NONE",
            "EXTERNAL_ID  | :42          | NONE",
            "CLICK_ID     | gclid:Cj0K_x | gclid:Cj0K_x",
            "EMAIL        | A@B.CO       | a@b.co",
            "PHONE        | +15550109999 | +15550109999"})
    void normalizesEachType(IdentifierType type, String raw, String expected) {
        assertThat(IdentifierNormalizer.normalize(type, raw).map(Identifier::value)).isEqualTo(Optional.ofNullable(expected));
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongIds() {
        assertThat(IdentifierNormalizer.plain("x".repeat(IdentifierNormalizer.MAX_LENGTH))).isPresent();
        assertThat(IdentifierNormalizer.plain("x".repeat(IdentifierNormalizer.MAX_LENGTH + 1))).isEmpty();
    }
}
