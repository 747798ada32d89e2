package ai.stratum.server.ml;

import io.micronaut.scheduling.cron.CronExpression;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class MlSchedulerTest {

    @ParameterizedTest(name = "{0} after {1} is {2}")
    @CsvSource({
            "daily forecasts, 2026-12-01T05:59:59Z, 2026-12-01T06:00Z",
            "daily forecasts, 2026-12-01T06:00:00Z, 2026-12-02T06:00Z",
            "fatigue scores,  2026-12-01T02:30:00Z, 2026-12-01T03:00Z",
            "fatigue scores,  2026-12-01T03:00:01Z, 2026-12-02T03:00Z",
            "live,            2026-12-01T10:00:00Z, 2026-12-01T10:30Z",
            "live,            2026-12-01T10:29:59Z, 2026-12-01T10:30Z",
            "live,            2026-12-01T10:30:00Z, 2026-12-01T11:00Z",
    })
    void firesAtTheSeedsTimesInUtc(String job, String after, String expected) {
        String cron = switch (job) {
            case "daily forecasts" -> MlScheduler.DAILY_FORECASTS;
            case "fatigue scores" -> MlScheduler.FATIGUE_SCORES;
            default -> MlScheduler.LIVE;
        };

        ZonedDateTime next = CronExpression.create(cron).nextTimeAfter(ZonedDateTime.parse(after).withZoneSameInstant(ZoneOffset.UTC));

        assertThat(next.toInstant()).isEqualTo(ZonedDateTime.parse(expected).toInstant());
    }
}
