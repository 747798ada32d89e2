package ai.stratum.plugins.snapchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.stratum.plugin.api.DateRange;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class StatsWindowTest {

    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @ParameterizedTest(name = "{0}..{1} takes {2} windows")
    @CsvSource({
            "2026-09-01, 2026-09-01, 1",
            "2026-09-01, 2026-09-14, 1",
            "2026-09-01, 2026-10-01, 1",
            "2026-09-01, 2026-10-02, 2",
            "2026-06-18, 2026-09-15, 3",
            "2026-01-01, 2026-12-31, 12"
    })
    void splitsARangeIntoWindowsOfAtMostThirtyOneDays(LocalDate from, LocalDate to, int windows) {
        DateRange range = new DateRange(from, to);

        assertThat(StatsWindow.split(range)).hasSize(windows).allSatisfy(window ->
                assertThat(window.first().datesUntil(window.last().plusDays(1)).count()).isBetween(1L, 31L));
        assertThat(StatsWindow.split(range).get(0).first()).isEqualTo(from);
        assertThat(StatsWindow.split(range).get(windows - 1).last()).isEqualTo(to);
        assertThat(StatsWindow.split(range).stream().mapToLong(w -> w.first().datesUntil(w.last().plusDays(1)).count())
                .sum()).isEqualTo(range.days());
    }

    @Test
    void writesEachBoundaryWithItsOwnDaysOffsetAcrossDaylightSavingTime() {
        // Los Angeles leaves daylight saving time on 1 November 2026
        StatsWindow window = StatsWindow.of(new DateRange(LocalDate.of(2026, 10, 25), LocalDate.of(2026, 11, 3)), 0);

        assertThat(window.startTime(LOS_ANGELES)).isEqualTo("2026-10-25T00:00:00.000-07:00");
        assertThat(window.endTime(LOS_ANGELES)).isEqualTo("2026-11-04T00:00:00.000-08:00");
    }

    @Test
    void writesUtcWithAnExplicitOffset() {
        assertThat(StatsWindow.startOfDay(LocalDate.of(2026, 9, 1), ZoneId.of("UTC")))
                .isEqualTo("2026-09-01T00:00:00.000+00:00");
        assertThat(StatsWindow.startOfDay(LocalDate.of(2026, 9, 1), ZoneId.of("Asia/Dubai")))
                .isEqualTo("2026-09-01T00:00:00.000+04:00");
    }

    @Test
    void refusesAWindowTheRangeDoesNotHave() {
        DateRange range = new DateRange(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 14));

        assertThatThrownBy(() -> StatsWindow.of(range, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
