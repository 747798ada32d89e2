package ai.stratum.server.connectors;

import ai.stratum.server.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncWindowTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-31");

    @Test
    void defaultsToTheLookbackEndingToday() {
        assertThat(SyncWindow.requested(Optional.empty(), Optional.empty(), TODAY, 28))
                .isEqualTo(new SyncWindow(LocalDate.parse("2026-03-04"), TODAY));
        assertThat(SyncWindow.lookback(TODAY, 1)).isEqualTo(new SyncWindow(TODAY, TODAY));
    }

    @ParameterizedTest(name = "from={0} to={1}")
    @CsvSource({
            "2026-03-01, ,           2026-03-01, 2026-03-31",
            ",           2026-02-28, 2026-02-01, 2026-02-28",
            "2025-02-25, 2026-03-31, 2025-02-25, 2026-03-31",
            "2026-04-01, 2026-04-01, 2026-04-01, 2026-04-01"})
    void takesTheDaysAskedFor(LocalDate from, LocalDate to, LocalDate expectedFrom, LocalDate expectedTo) {
        assertThat(SyncWindow.requested(Optional.ofNullable(from), Optional.ofNullable(to), TODAY, 28))
                .isEqualTo(new SyncWindow(expectedFrom, expectedTo));
    }

    @ParameterizedTest(name = "from={0} to={1}: {2}")
    @CsvSource({
            "2026-03-10, 2026-03-09, from, 'from' (2026-03-10) is after 'to' (2026-03-09)",
            "2025-02-24, 2026-03-31, from, A sync reads at most 400 days",
            "2026-03-01, 2026-04-02, to,   'to' (2026-04-02) is in the future"})
    void refusesImpossibleWindowsNamingTheField(LocalDate from, LocalDate to, String field, String message) {
        assertThatThrownBy(() -> SyncWindow.requested(Optional.of(from), Optional.of(to), TODAY, 28))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).contains(field))
                .hasMessageStartingWith(message);
    }
}
