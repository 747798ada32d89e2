package ai.stratum.server.connectors;

import java.time.Duration;

/**
 * How often connections are synced and over how many days.
 *
 * @param interval     {@code STRATUM_SYNC_INTERVAL}: time between scheduled syncs of each connection
 * @param lookbackDays {@code STRATUM_SYNC_LOOKBACK_DAYS}: days a sync reads, ending today, so late
 *                     conversions are picked up
 */
record SyncSettings(Duration interval, int lookbackDays) {

    /** The longest window one sync may read, and so the longest lookback. */
    static final int MAX_RANGE_DAYS = 400;

    SyncSettings {
        if (interval == null || interval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("STRATUM_SYNC_INTERVAL must be at least 1m (was " + interval + ")");
        }
        if (lookbackDays < 1 || lookbackDays > MAX_RANGE_DAYS) {
            throw new IllegalArgumentException("STRATUM_SYNC_LOOKBACK_DAYS must be 1 to " + MAX_RANGE_DAYS + " (was " + lookbackDays + ")");
        }
    }
}
