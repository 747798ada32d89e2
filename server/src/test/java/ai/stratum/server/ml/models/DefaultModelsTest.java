package ai.stratum.server.ml.models;

import ai.stratum.server.ml.training.ModelType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The default models the build trained into the class path. */
class DefaultModelsTest {

    @Test
    void theBuildShipsBothDefaultModelsWithTheirTestMetrics() {
        DefaultModels defaults = new DefaultModels();

        TrainedModel roas = defaults.get(ModelType.ROAS).orElseThrow();
        TrainedModel conversion = defaults.get(ModelType.CONVERSION).orElseThrow();

        assertThat(roas.info().scope()).isEqualTo(ModelScope.DEFAULT);
        assertThat(roas.info().version()).isZero();
        assertThat(roas.info().source()).isEqualTo(ModelSource.BUILD);
        assertThat(roas.info().metrics().values()).containsKeys("mae", "rmse", "r2", "intervalCoverage", "meanIntervalWidth");
        assertThat(roas.info().trainingRows()).isGreaterThan(50_000);
        assertThat(roas.info().revision()).matches("[0-9a-f]{16}");
        assertThat(conversion.info().metrics().values()).containsKeys("auc", "precision", "recall");
        assertThat(conversion.conversion()).isNotNull();
    }

    @Test
    void aBuildWithoutThemHasNone() {
        DefaultModels none = new DefaultModels(new URLClassLoader(new URL[0], null));

        assertThat(none.get(ModelType.ROAS)).isEmpty();
        assertThat(none.get(ModelType.CONVERSION)).isEmpty();
    }
}
