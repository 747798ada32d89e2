package ai.stratum.plugin.api;

import java.time.Duration;
import java.util.Map;

/**
 * Where your connector reports what it does. The host adds the tenant, connection, plugin and
 * request ids to every entry, and turns counts and timings into metrics.
 *
 * <p>Use short event and metric names in lower case with dots ({@code insights.page_fetched}),
 * and fields that help an operator ({@code rows}, {@code platform_code}). Never pass tokens,
 * secrets or personal data (emails, phone numbers, names), not even hashed.
 */
public interface Telemetry {

    /**
     * Writes a structured log entry.
     *
     * @param level  how much it matters
     * @param event  what happened, for example {@code campaigns.fetched}
     * @param fields details as key and value
     */
    void log(Level level, String event, Map<String, String> fields);

    /**
     * Adds to a counter.
     *
     * @param metric the counter, for example {@code rows.collected}
     * @param amount how much to add, not negative
     * @param tags   dimensions of the counter, with few distinct values
     */
    void count(String metric, long amount, Map<String, String> tags);

    /**
     * Records how long something took.
     *
     * @param metric   the timer, for example {@code report.wait}
     * @param duration the time taken
     * @param tags     dimensions of the timer, with few distinct values
     */
    void time(String metric, Duration duration, Map<String, String> tags);

    /** How much a log entry matters. */
    enum Level {
        /** Detail for diagnosing a connector. */
        DEBUG,
        /** Normal progress. */
        INFO,
        /** Something unusual the connector handled. */
        WARN,
        /** Something the connector could not handle. */
        ERROR
    }
}
