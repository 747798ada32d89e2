package ai.stratum.server.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisKeyspaceTest {

    private final RedisKeyspace keyspace = new RedisKeyspace("stratum:");

    @Test
    void prefixesNamesAndNestsNamespaces() {
        assertThat(keyspace.key("x")).isEqualTo("stratum:x");
        assertThat(keyspace.nested("cache:").key("x")).isEqualTo("stratum:cache:x");
    }

    @Test
    void recognisesOnlyItsOwnNames() {
        assertThat(keyspace.localName("stratum:channel:a")).contains("channel:a");
        assertThat(keyspace.localName("other:channel:a")).isEmpty();
    }

    @Test
    void scanPatternTakesThePrefixLiterally() {
        assertThat(new RedisKeyspace("a*b?[c]\\:").pattern()).isEqualTo("a\\*b\\?\\[c\\]\\\\:*");
    }

    @Test
    void refusesAnEmptyPrefix() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedisKeyspace(""));
    }
}
