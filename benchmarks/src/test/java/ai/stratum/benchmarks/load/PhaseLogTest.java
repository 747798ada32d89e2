package ai.stratum.benchmarks.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseLogTest {

    @Test
    void writesEachRoundsPhaseWallClockEdgesAndEvents(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("phases.txt");
        long before = System.currentTimeMillis();
        try (PhaseLog log = PhaseLog.to(Optional.of(file.toString()))) {
            assertThat(log.round("ingestion", 20_000, () -> 1.5)).isEqualTo(1.5);
            log.round("raw", 700, () -> 0.2);
        }
        long after = System.currentTimeMillis();

        List<String[]> lines = Files.readAllLines(file).stream().map(line -> line.split(" ")).toList();
        assertThat(lines).extracting(fields -> fields[0] + " " + fields[3]).containsExactly("ingestion 20000", "raw 700");
        for (String[] fields : lines) {
            long started = Long.parseLong(fields[1]);
            long ended = Long.parseLong(fields[2]);
            assertThat(started).isBetween(before, ended);
            assertThat(ended).isBetween(started, after);
        }
    }

    @Test
    void withoutAFileOnlyRunsTheRound() throws Exception {
        try (PhaseLog log = PhaseLog.to(Optional.empty())) {
            assertThat(log.round("ingestion", 1, () -> "sent")).isEqualTo("sent");
        }
    }
}
