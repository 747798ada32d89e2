package ai.stratum.connector.host;

import ai.stratum.plugin.api.Telemetry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the transport reports. */
final class RecordingTelemetry implements Telemetry {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Override
    public void log(Level level, String event, Map<String, String> fields) {
    }

    @Override
    public void count(String metric, long amount, Map<String, String> tags) {
        counts.computeIfAbsent(metric, name -> new AtomicLong()).addAndGet(amount);
    }

    @Override
    public void time(String metric, Duration duration, Map<String, String> tags) {
    }

    long count(String metric) {
        AtomicLong count = counts.get(metric);
        return count == null ? 0 : count.get();
    }
}
