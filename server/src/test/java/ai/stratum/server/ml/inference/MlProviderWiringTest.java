package ai.stratum.server.ml.inference;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.RuntimeProperties;
import ai.stratum.server.ml.roas.RoasEncoding;
import ai.stratum.server.ml.roas.RoasFeatures;
import ai.stratum.server.support.TestDatabase;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ML_PROVIDER alone picks where predictions come from, in a real application context. */
class MlProviderWiringTest {

    @Test
    void servesInProcessModelsByDefault() {
        try (ApplicationContext context = ApplicationContext.run(withDatabase(Map.of()))) {
            PredictionProvider provider = context.getBean(PredictionProvider.class);

            assertThat(provider).isInstanceOf(LocalPredictionProvider.class);
            assertThat(context.getBean(MlProvider.class).name()).isEqualTo("local");
            TenantId tenant = new TenantId(UUID.randomUUID());
            double[] roasRow = RoasEncoding.row(new RoasFeatures(2.6, 2.2, 180, 0.015, 0.03, 0.05, Platform.META, 0,
                    LocalDate.of(2026, 11, 30), 60_000, 35));
            // a tenant without a model of its own is answered by the default ROAS model, interval included
            Prediction roas = provider.predict(tenant, ModelType.ROAS, List.of(roasRow)).block(Duration.ofSeconds(30)).get(0);
            assertThat(roas.value()).isPositive();
            assertThat(roas.lower().getAsDouble()).isLessThan(roas.value());
            assertThat(provider.version(tenant, ModelType.ROAS).block(Duration.ofSeconds(5))).matches("[0-9a-f]{16}");
            assertThatThrownBy(() -> provider.predict(tenant, ModelType.FATIGUE, List.of(new double[] {1}))
                    .block(Duration.ofSeconds(5)))
                    .isInstanceOf(PredictionUnavailableException.class).hasMessage("No in-process FATIGUE model is installed");
        }
    }

    @Test
    void sendsPredictionsToVertexWhenAsked() {
        try (ApplicationContext context = ApplicationContext.run(withDatabase(Map.of("stratum.ml.provider", "vertex",
                "stratum.ml.vertex.endpoint", "projects/p/locations/europe-west4/endpoints/1")))) {
            assertThat(context.getBean(PredictionProvider.class)).isInstanceOf(VertexPredictionProvider.class);
            assertThat(context.getBean(VertexSettings.class).predictUrl("projects/p/locations/europe-west4/endpoints/1").getHost())
                    .isEqualTo("europe-west4-aiplatform.googleapis.com");
        }
    }

    @Test
    void refusesToStartWithAnUnknownProvider() {
        assertThatThrownBy(() -> ApplicationContext.run(withDatabase(Map.of("stratum.ml.provider", "sagemaker"))).close())
                .hasStackTraceContaining("ML_PROVIDER must be 'local' or 'vertex', was 'sagemaker'");
    }

    @Test
    void refusesToStartVertexWithoutAnEndpoint() {
        assertThatThrownBy(() -> {
            try (ApplicationContext context = ApplicationContext.run(withDatabase(Map.of("stratum.ml.provider", "vertex")))) {
                context.getBean(PredictionProvider.class);
            }
        }).hasStackTraceContaining("ML_PROVIDER=vertex needs VERTEX_AI_ENDPOINT");
    }

    private static Map<String, Object> withDatabase(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(RuntimeProperties.database(TestDatabase.url()));
        all.put("stratum.autopilot.enabled", "false");
        all.put("stratum.sync.enabled", "false");
        all.putAll(properties);
        return all;
    }
}
