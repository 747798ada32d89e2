package ai.stratum.server.ml.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's test metrics by name, in a stable order: {@code mae}, {@code rmse}, {@code r2},
 * {@code intervalCoverage} and {@code meanIntervalWidth} for a ROAS model; {@code auc}, {@code precision}
 * and {@code recall} for a conversion model. Stored as a flat JSON object; a value that is not a number
 * (an AUC over one class) is absent.
 *
 * @param values the metrics
 */
public record ModelMetrics(Map<String, Double> values) {

    private static final Pattern ENTRY = Pattern.compile("\\s*\"([A-Za-z0-9]+)\"\\s*:\\s*([-+0-9.eE]+)\\s*");

    public ModelMetrics {
        Map<String, Double> finite = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                finite.put(name, value);
            }
        });
        values = Collections.unmodifiableMap(finite);
    }

    /** @return a ROAS model's metrics */
    public static ModelMetrics regression(RegressionMetrics metrics, double intervalCoverage, double meanIntervalWidth) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("mae", metrics.mae());
        values.put("rmse", metrics.rmse());
        values.put("r2", metrics.r2());
        values.put("intervalCoverage", intervalCoverage);
        values.put("meanIntervalWidth", meanIntervalWidth);
        return new ModelMetrics(values);
    }

    /** @return a conversion model's metrics */
    public static ModelMetrics classification(ClassificationMetrics metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("auc", metrics.auc());
        values.put("precision", metrics.precision());
        values.put("recall", metrics.recall());
        return new ModelMetrics(values);
    }

    /** @return the metrics as a flat JSON object, numbers written so they read back exactly */
    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        values.forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(name).append("\":").append(String.format(Locale.ROOT, "%s", value));
        });
        return json.append('}').toString();
    }

    /**
     * @param json what {@link #toJson()} wrote (PostgreSQL's {@code jsonb} text of it included)
     * @return the metrics
     */
    public static ModelMetrics fromJson(String json) {
        String body = json.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("metrics are not a JSON object: " + json);
        }
        body = body.substring(1, body.length() - 1);
        Map<String, Double> values = new LinkedHashMap<>();
        if (!body.isBlank()) {
            for (String entry : body.split(",")) {
                Matcher matcher = ENTRY.matcher(entry);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("unreadable metric: " + entry);
                }
                values.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
            }
        }
        return new ModelMetrics(values);
    }
}
