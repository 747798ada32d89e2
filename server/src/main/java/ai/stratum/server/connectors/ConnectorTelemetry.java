package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A plugin call's telemetry: log entries as {@code key=value} lines carrying the tenant, connection,
 * platform and connector; counts and timings as Micrometer meters named {@code stratum.connector.*}
 * and tagged with the platform. Field values that contain one of the call's secrets are redacted.
 *
 * <p>Telemetry never fails a call: a meter a plugin tags inconsistently is dropped with a debug line.
 */
final class ConnectorTelemetry implements Telemetry {

    private static final Logger LOG = LoggerFactory.getLogger("ai.stratum.connectors.plugin");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.:/@+-]*");
    /** Tags with a value per account would give a meter per account; the log lines carry the account instead. */
    private static final String ACCOUNT_TAG = "account";

    private final MeterRegistry meters;
    private final CallScope scope;
    private final Redactor redactor;

    ConnectorTelemetry(MeterRegistry meters, CallScope scope, Redactor redactor) {
        this.meters = meters;
        this.scope = scope;
        this.redactor = redactor;
    }

    @Override
    public void log(Level level, String event, Map<String, String> fields) {
        if (!enabled(level)) {
            return;
        }
        StringBuilder line = new StringBuilder("event=").append(name(event))
                .append(" tenant=").append(scope.tenant())
                .append(" connection=").append(scope.connection().map(Object::toString).orElse("-"))
                .append(" platform=").append(scope.platform())
                .append(" connector=").append(scope.connector());
        new TreeMap<>(fields == null ? Map.<String, String>of() : fields).forEach((key, value) ->
                line.append(' ').append(name(key)).append('=').append(quoted(redactor.redact(value))));
        switch (level) {
            case DEBUG -> LOG.debug("{}", line);
            case INFO -> LOG.info("{}", line);
            case WARN -> LOG.warn("{}", line);
            case ERROR -> LOG.error("{}", line);
        }
    }

    @Override
    public void count(String metric, long amount, Map<String, String> tags) {
        if (amount < 0) {
            return;
        }
        try {
            meters.counter(meterName(metric), tags(tags)).increment(amount);
        } catch (RuntimeException e) {
            LOG.debug("event=connector_metric_dropped metric={} reason=\"{}\"", name(metric), e.getMessage());
        }
    }

    @Override
    public void time(String metric, Duration duration, Map<String, String> tags) {
        if (duration == null || duration.isNegative()) {
            return;
        }
        try {
            meters.timer(meterName(metric), tags(tags)).record(duration);
        } catch (RuntimeException e) {
            LOG.debug("event=connector_metric_dropped metric={} reason=\"{}\"", name(metric), e.getMessage());
        }
    }

    private List<Tag> tags(Map<String, String> given) {
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.of("platform", scope.platform().name()));
        if (given != null) {
            new TreeMap<>(given).forEach((key, value) -> {
                if (!ACCOUNT_TAG.equals(key) && !"platform".equals(key) && value != null) {
                    tags.add(Tag.of(name(key), redactor.redact(value)));
                }
            });
        }
        return tags;
    }

    private static boolean enabled(Level level) {
        return switch (level) {
            case DEBUG -> LOG.isDebugEnabled();
            case INFO -> LOG.isInfoEnabled();
            case WARN -> LOG.isWarnEnabled();
            case ERROR -> LOG.isErrorEnabled();
        };
    }

    private static String meterName(String metric) {
        return "stratum.connector." + name(metric);
    }

    private static String name(String text) {
        if (text != null && NAME.matcher(text).matches()) {
            return text;
        }
        String cleaned = text == null ? "" : text.replaceAll("[^A-Za-z0-9_.-]", "_");
        return cleaned.isEmpty() ? "unnamed" : cleaned.substring(0, Math.min(100, cleaned.length()));
    }

    private static String quoted(String value) {
        if (value == null) {
            return "-";
        }
        if (!value.isEmpty() && PLAIN.matcher(value).matches()) {
            return value;
        }
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }
}
