package ai.stratum.server.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoordinationModeTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void isInProcessWithoutARedisUrl(String url) {
        CoordinationMode mode = new CoordinationMode(url);

        assertThat(mode.usesRedis()).isFalse();
        assertThat(mode.redisUrl()).isEmpty();
        assertThat(mode.describe()).isEqualTo("in-process");
    }

    @Test
    void namesTheRedisItUses() {
        CoordinationMode mode = new CoordinationMode("redis://127.0.0.1:6379");

        assertThat(mode.usesRedis()).isTrue();
        assertThat(mode.describe()).isEqualTo("redis redis://127.0.0.1:6379");
    }

    @Test
    void neverShowsThePassword() {
        CoordinationMode mode = new CoordinationMode("redis://:s3cret@127.0.0.1:6379");

        assertThat(mode.describe()).isEqualTo("redis redis://127.0.0.1:6379 (password hidden)");
        assertThat(mode.toString()).doesNotContain("s3cret");
    }

    @Test
    void refusesAMalformedUrlAtOnce() {
        assertThatThrownBy(() -> new CoordinationMode("http://not-redis"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
