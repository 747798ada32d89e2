package ai.stratum.connector.host;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-09-14T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0                             | 0
            120                           | 120
            ' 30 '                        | 30
            Mon, 14 Sep 2026 10:01:30 GMT | 90
            Mon, 14 Sep 2026 09:59:00 GMT | 0
            """)
    void readsDelaySecondsAndHttpDates(String header, long seconds) {
        assertThat(RetryAfter.parse(header, NOW)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @CsvSource({"soon", "-5", "1.5", "''"})
    void ignoresValuesThatAreNeitherForm(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isEmpty();
    }
}
