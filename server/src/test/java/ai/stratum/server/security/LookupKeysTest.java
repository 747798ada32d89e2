package ai.stratum.server.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LookupKeysTest {

    static Stream<Arguments> kinds() {
        return Stream.of(Arguments.of(LookupKeys.API_KEYS, "stratum_"), Arguments.of(LookupKeys.WRITE_KEYS, "wk_"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aGeneratedKeyParsesBackToItsLookupAndTheHashOfItsSecret(LookupKeys kind, String prefix) {
        LookupKeys.NewKey key = kind.generate();

        LookupKeys.ParsedKey parsed = kind.parse(key.plaintext()).orElseThrow();

        assertThat(key.plaintext()).matches(prefix + "[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(kind.claims(key.plaintext())).isTrue();
        assertThat(parsed.lookup()).isEqualTo(key.lookup());
        assertThat(LookupKeys.sameHash(parsed.secretHash(), key.secretHash())).isTrue();
        assertThat(key.plaintext()).doesNotContain(new String(key.secretHash(), StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void twoKeysNeverShareALookupOrSecret(LookupKeys kind, String prefix) {
        LookupKeys.NewKey a = kind.generate();
        LookupKeys.NewKey b = kind.generate();

        assertThat(a.lookup()).isNotEqualTo(b.lookup());
        assertThat(LookupKeys.sameHash(a.secretHash(), b.secretHash())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aTamperedSecretHashesDifferently(LookupKeys kind, String prefix) {
        LookupKeys.NewKey key = kind.generate();
        String tampered = key.plaintext().substring(0, key.plaintext().length() - 1)
                + (key.plaintext().endsWith("A") ? "B" : "A");

        LookupKeys.ParsedKey parsed = kind.parse(tampered).orElseThrow();

        assertThat(LookupKeys.sameHash(parsed.secretHash(), key.secretHash())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc123", "stratum_short_x", "eyJhbGciOiJIUzI1NiJ9.e30.x",
            "wk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "stratum_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesWhatIsNotAnApiKey(String text) {
        assertThat(LookupKeys.API_KEYS.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc123", "wk_0123_short",
            "stratum_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "wk_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesWhatIsNotAWriteKey(String text) {
        assertThat(LookupKeys.WRITE_KEYS.parse(text)).isEmpty();
    }
}
