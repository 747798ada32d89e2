package ai.stratum.server.cdp.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventTimestampsTest {

    @ParameterizedTest(name = "timestamp={0} sentAt={1} receivedAt={2} -> {3}")
    @CsvSource(nullValues = "NONE", value = {
            // device clock 1 hour slow; event 5 s before sending
            "2026-12-01T09:00:00Z, 2026-12-01T09:00:05Z, 2026-12-01T10:00:05Z, 2026-12-01T10:00:00Z",
            // device clock 10 minutes fast
            "2026-12-01T10:10:00Z, 2026-12-01T10:10:30Z, 2026-12-01T10:00:30Z, 2026-12-01T10:00:00Z",
            // an offline queue: sent a day after it happened, clocks agree
            "2026-11-30T10:00:00Z, 2026-12-01T10:00:00Z, 2026-12-01T10:00:00.250Z, 2026-11-30T10:00:00.250Z",
            // a server-side import of history: no sentAt, the timestamp is taken as sent
            "2020-01-01T00:00:00Z, NONE, 2026-12-01T10:00:00Z, 2020-01-01T00:00:00Z",
            // no timestamp at all: it happened when it arrived
            "NONE, 2026-12-01T09:00:00Z, 2026-12-01T10:00:00Z, 2026-12-01T10:00:00Z",
            "NONE, NONE, 2026-12-01T10:00:00Z, 2026-12-01T10:00:00Z"})
    void correctsTheDevicesClockSkew(Instant original, Instant sentAt, Instant receivedAt, Instant expected) {
        assertThat(EventTimestamps.corrected(Optional.ofNullable(original), Optional.ofNullable(sentAt), receivedAt)).isEqualTo(expected);
    }
}
