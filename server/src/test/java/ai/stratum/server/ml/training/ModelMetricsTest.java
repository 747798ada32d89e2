package ai.stratum.server.ml.training;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelMetricsTest {

    @Test
    void roundTripsThroughJsonExactlyAndInOrder() {
        ModelMetrics metrics = ModelMetrics.regression(new RegressionMetrics(0.1 + 0.2, 1e-7, -3.5, 10), 0.8046, 1.37);

        ModelMetrics back = ModelMetrics.fromJson(metrics.toJson());

        assertThat(back).isEqualTo(metrics);
        assertThat(back.values().keySet()).containsExactly("mae", "rmse", "r2", "intervalCoverage", "meanIntervalWidth");
        assertThat(back.values().get("mae")).isEqualTo(0.1 + 0.2);
    }

    @Test
    void readsPostgresJsonbTextAndLeavesOutWhatIsNotANumber() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("auc", Double.NaN);
        values.put("precision", 0.5);

        assertThat(new ModelMetrics(values).toJson()).isEqualTo("{\"precision\":0.5}");
        assertThat(ModelMetrics.fromJson("{\"auc\": 0.91, \"recall\": 1.0E-4}").values())
                .containsExactly(Map.entry("auc", 0.91), Map.entry("recall", 1.0E-4));
        assertThat(ModelMetrics.fromJson("{}").values()).isEmpty();
        assertThatThrownBy(() -> ModelMetrics.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
