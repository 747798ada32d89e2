package ai.stratum.plugin.testkit;

import ai.stratum.plugin.api.Telemetry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Telemetry that keeps what a plugin logged and counted, for assertions. */
public final class RecordingTelemetry implements Telemetry {

    /**
     * One log call.
     *
     * @param level  the level
     * @param event  the event name
     * @param fields its fields
     */
    public record LogEntry(Level level, String event, Map<String, String> fields) {
    }

    private final List<LogEntry> logs = new ArrayList<>();
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Override
    public synchronized void log(Level level, String event, Map<String, String> fields) {
        logs.add(new LogEntry(level, event, Map.copyOf(fields)));
    }

    @Override
    public void count(String metric, long amount, Map<String, String> tags) {
        counts.computeIfAbsent(metric, name -> new AtomicLong()).addAndGet(amount);
    }

    @Override
    public void time(String metric, Duration duration, Map<String, String> tags) {
        counts.computeIfAbsent(metric + ".timed", name -> new AtomicLong()).incrementAndGet();
    }

    /** @return the log calls so far */
    public synchronized List<LogEntry> logs() {
        return List.copyOf(logs);
    }

    /** @return the total counted for a metric */
    public long count(String metric) {
        AtomicLong count = counts.get(metric);
        return count == null ? 0 : count.get();
    }
}
