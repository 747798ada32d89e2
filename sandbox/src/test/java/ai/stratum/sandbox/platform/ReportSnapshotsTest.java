package ai.stratum.sandbox.platform;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSnapshotsTest {

    private final ReportSnapshots<Integer> snapshots = new ReportSnapshots<>();
    private final AtomicInteger computed = new AtomicInteger();

    private List<Integer> compute() {
        return List.of(computed.incrementAndGet());
    }

    @Test
    void laterPagesReadTheRowsTheFirstPageComputed() {
        assertThat(snapshots.rows("report", true, this::compute)).containsExactly(1);
        assertThat(snapshots.rows("report", false, this::compute)).containsExactly(1);
        assertThat(snapshots.rows("report", false, this::compute)).containsExactly(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aFirstPageComputesAfreshSoChangesShow() {
        snapshots.rows("report", true, this::compute);

        assertThat(snapshots.rows("report", true, this::compute)).containsExactly(2);
        assertThat(snapshots.rows("report", false, this::compute)).containsExactly(2);
    }

    @Test
    void reportsWithOtherKeysAreKeptApartAndALaterPageOfAnUnknownOneComputes() {
        snapshots.rows("a", true, this::compute);

        assertThat(snapshots.rows("b", false, this::compute)).containsExactly(2);
        assertThat(snapshots.rows("a", false, this::compute)).containsExactly(1);
    }

    @Test
    void keepsOnlyTheMostRecentReports() {
        for (int i = 0; i < 20; i++) {
            snapshots.rows("report " + i, true, this::compute);
        }

        assertThat(snapshots.rows("report 19", false, this::compute)).containsExactly(20);
        assertThat(snapshots.rows("report 0", false, this::compute)).containsExactly(21);
    }
}
