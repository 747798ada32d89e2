package ai.stratum.server.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyCodecTest {

    private final ApiKeyCodec codec = new ApiKeyCodec();

    @Test
    void aGeneratedKeyParsesBackToItsLookupAndHash() {
        var key = codec.generate();

        var parsed = ApiKeyCodec.parse(key.plaintext()).orElseThrow();

        assertThat(ApiKeyCodec.looksLikeApiKey(key.plaintext())).isTrue();
        assertThat(parsed.lookup()).isEqualTo(key.lookup());
        assertThat(ApiKeyCodec.sameHash(parsed.secretHash(), key.secretHash())).isTrue();
    }

    @Test
    void keysAreUnique() {
        assertThat(codec.generate().plaintext()).isNotEqualTo(codec.generate().plaintext());
    }

    @Test
    void aTamperedSecretHashesDifferently() {
        var key = codec.generate();
        String tampered = key.plaintext().substring(0, key.plaintext().length() - 1)
                + (key.plaintext().endsWith("A") ? "B" : "A");

        var parsed = ApiKeyCodec.parse(tampered).orElseThrow();

        assertThat(ApiKeyCodec.sameHash(parsed.secretHash(), key.secretHash())).isFalse();
    }

    @Test
    void malformedKeysDoNotParse() {
        assertThat(ApiKeyCodec.parse("stratum_short_x")).isEmpty();
        assertThat(ApiKeyCodec.parse("eyJhbGciOiJIUzI1NiJ9.e30.x")).isEmpty();
    }
}
