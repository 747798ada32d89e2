package ai.stratum.server.connectors;

import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.DailyMetrics;
import ai.stratum.server.signals.health.SignalSnapshot;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SyncedSnapshotTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-31");
    private static final LocalDate FROM = TODAY.minusDays(27);
    private static final Instant NEWEST = Instant.parse("2026-03-31T06:00:00Z");

    @Test
    void carriesTheReadingsAndTheNewestDataTime() {
        SignalSnapshot snapshot = SyncedSnapshot.of(Platform.META, "act_1", List.of(
                        new EventMatchQuality("px", "Purchase", 8.5, NEWEST), new EventMatchQuality("px", "Lead", 6.0, NEWEST)),
                Optional.of(NEWEST), List.of(), FROM, TODAY);

        assertThat(snapshot.emqScores()).containsExactly(8.5, 6.0);
        assertThat(snapshot.lastReceivedAt()).contains(NEWEST);
        assertThat(snapshot.current()).isEmpty();
        assertThat(snapshot.history()).isEmpty();
        assertThat(snapshot.platformRevenue()).isEmpty();
    }

    @Test
    void turnsStoredDaysIntoHistoryWithTodayAsCurrent() {
        SignalSnapshot snapshot = SyncedSnapshot.of(Platform.META, "act_1", List.of(), Optional.empty(), List.of(
                new DailyTotals(TODAY.minusDays(2), 100_000_000, 300_000_000, 4),
                new DailyTotals(TODAY, 50_000_000, 0, 0)), FROM, TODAY);

        assertThat(snapshot.current()).contains(new DailyMetrics(TODAY, 50.0, 0.0, null, 0.0));
        assertThat(snapshot.history()).containsExactly(
                new DailyMetrics(TODAY.minusDays(2), 100.0, 4.0, 25.0, 3.0),
                // a day the plugin left out had no delivery
                new DailyMetrics(TODAY.minusDays(1), 0.0, 0.0, null, null));
        assertThat(snapshot.platformRevenue()).hasValue(300.0);
    }

    @Test
    void aDayWithoutDataTodayIsAZeroDay() {
        SignalSnapshot snapshot = SyncedSnapshot.of(Platform.GOOGLE, "123", List.of(), Optional.empty(), List.of(
                new DailyTotals(TODAY.minusDays(1), 1_000_000, 0, 1)), FROM, TODAY);

        assertThat(snapshot.current()).contains(new DailyMetrics(TODAY, 0.0, 0.0, null, null));
        assertThat(snapshot.history()).hasSize(1);
    }

    @Test
    void ignoresDaysOutsideTheTrailingWindow() {
        SignalSnapshot snapshot = SyncedSnapshot.of(Platform.GOOGLE, "123", List.of(), Optional.empty(), List.of(
                new DailyTotals(FROM.minusDays(1), 9_000_000, 9_000_000, 9),
                new DailyTotals(FROM, 1_000_000, 2_000_000, 1)), FROM, TODAY);

        assertThat(snapshot.history()).hasSize(27).first().isEqualTo(new DailyMetrics(FROM, 1.0, 1.0, 1.0, 2.0));
        assertThat(snapshot.platformRevenue()).hasValue(2.0);
    }
}
