package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Suppression hashes are keyed per tenant and per identifier type; platform hashes are plain SHA-256. */
class IdentifierHashTest {

    private static final byte[] KEY_A = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_B = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final Identifier EMAIL = new Identifier(IdentifierType.EMAIL, "erin@example.com");

    @Test
    void theSameIdentifierUnderTheSameKeyHashesAlike() {
        assertThat(IdentifierHash.keyed(KEY_A, EMAIL)).isEqualTo(IdentifierHash.keyed(KEY_A, new Identifier(IdentifierType.EMAIL, "erin@example.com")));
    }

    @Test
    void anotherTenantsKeyGivesAnotherHash() {
        assertThat(IdentifierHash.keyed(KEY_A, EMAIL)).isNotEqualTo(IdentifierHash.keyed(KEY_B, EMAIL));
    }

    @Test
    void theTypeIsPartOfWhatIsHashed() {
        assertThat(IdentifierHash.keyed(KEY_A, new Identifier(IdentifierType.USER_ID, "42")))
                .isNotEqualTo(IdentifierHash.keyed(KEY_A, new Identifier(IdentifierType.ANONYMOUS_ID, "42")));
    }

    @Test
    void theKeyedHashIsHmacSha256OfTypeColonValue() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY_A, "HmacSHA256"));

        assertThat(IdentifierHash.keyed(KEY_A, EMAIL)).isEqualTo(mac.doFinal("EMAIL:erin@example.com".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({
            "'',               e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "abc,              ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"})
    void platformHashesArePlainSha256InLowerCaseHex(String value, String expected) {
        assertThat(IdentifierHash.sha256Hex(value)).isEqualTo(expected);
        assertThat(HexFormat.of().parseHex(IdentifierHash.sha256Hex(value))).hasSize(32);
    }
}
