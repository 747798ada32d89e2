package ai.stratum.server.cdp.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WriteKeysTest {

    private final WriteKeys keys = new WriteKeys();

    @Test
    void aGeneratedKeyParsesToItsLookupAndTheHashOfItsSecret() {
        WriteKeys.NewKey key = keys.generate();

        WriteKeys.ParsedKey parsed = WriteKeys.parse(key.plaintext()).orElseThrow();

        assertThat(key.plaintext()).matches("wk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(parsed.lookup()).isEqualTo(key.lookup());
        assertThat(WriteKeys.sameHash(parsed.secretHash(), key.secretHash())).isTrue();
        assertThat(key.plaintext()).doesNotContain(new String(key.secretHash(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void twoKeysNeverShareALookupOrSecret() {
        WriteKeys.NewKey a = keys.generate();
        WriteKeys.NewKey b = keys.generate();

        assertThat(a.lookup()).isNotEqualTo(b.lookup());
        assertThat(WriteKeys.sameHash(a.secretHash(), b.secretHash())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc123", "wk_0123_short", "stratum_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "wk_0123456789ABCDEF_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void refusesWhatIsNotAWriteKey(String text) {
        assertThat(WriteKeys.parse(text)).isEmpty();
    }
}
