package ai.stratum.plugins.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TikTokRateLimitWaitTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Requests made too frequently, please try again later.|PT5M",
            "Advertiser (1)'s QPS (12) reaches QPS limit 10 for current path, request is temporarily restricted.|PT1S",
            "Too many requests per second.|PT1S",
            "App QPM limit reached.|PT5M",
            "App QPD limit reached.|PT5H30M",
            "The daily request quota is used up.|PT5H30M"
    })
    void waitsAsTikToksRateLimitPageSaysForTheWindowTheMessageNames(String message, Duration expected) {
        Instant now = Instant.parse("2026-09-15T18:30:00Z");

        assertThat(TikTokRateLimitWait.after(message, now)).isEqualTo(expected);
    }
}
