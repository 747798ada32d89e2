package ai.stratum.server.redis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedisUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            redis://127.0.0.1:6379                                  | redis://127.0.0.1:6379                    | false
            redis://127.0.0.1:6379/2?timeout=5s                     | redis://127.0.0.1:6379/2?timeout=5s       | false
            redis://:s3cret@cache.internal:6379/0                   | redis://cache.internal:6379/0             | true
            redis://stratum:s3cret@cache.internal:6379              | redis://cache.internal:6379               | true
            rediss://s3cret@cache.internal                          | rediss://cache.internal                   | true
            redis://:p@ss@cache.internal:6379                       | redis://cache.internal:6379               | true
            redis-sentinel://s3cret@h1:26379,h2:26379/0#mymaster    | redis-sentinel://h1:26379,h2:26379/0#mymaster | true
            """)
    void redactsCredentialsAndKeepsEverythingElse(String url, String redacted, boolean hadCredentials) {
        RedisUrl parsed = RedisUrl.parse(url);

        assertThat(parsed.redacted()).isEqualTo(redacted);
        assertThat(parsed).hasToString(redacted);
        assertThat(parsed.hasCredentials()).isEqualTo(hadCredentials);
    }
}
