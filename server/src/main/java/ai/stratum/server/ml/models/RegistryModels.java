package ai.stratum.server.ml.models;

import ai.stratum.server.ml.conversion.ConversionModel;
import ai.stratum.server.ml.conversion.SessionEncoding;
import ai.stratum.server.ml.inference.InProcessModel;
import ai.stratum.server.ml.inference.ModelType;
import ai.stratum.server.ml.inference.Prediction;
import ai.stratum.server.ml.roas.RoasEncoding;
import ai.stratum.server.ml.roas.RoasModel;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The registry's models as the local prediction provider serves them: for each tenant its active version,
 * else the default ({@link ModelCatalog}), identified by the stored artifact's revision.
 */
@Factory
class RegistryModels {

    @Singleton
    InProcessModel roas(ModelCatalog catalog) {
        return new Served(ModelType.ROAS, catalog, (model, rows) -> roas(model.roas(), rows));
    }

    @Singleton
    InProcessModel conversion(ModelCatalog catalog) {
        return new Served(ModelType.CONVERSION, catalog, (model, rows) -> conversion(model.conversion(), rows));
    }

    /** XGBoost predicts the rows in one call; each gets the model's conformal interval. */
    static List<Prediction> roas(RoasModel model, List<double[]> rows) {
        float[] packed = new float[rows.size() * RoasEncoding.WIDTH];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = width(rows.get(r), RoasEncoding.WIDTH);
            for (int c = 0; c < RoasEncoding.WIDTH; c++) {
                packed[r * RoasEncoding.WIDTH + c] = (float) row[c];
            }
        }
        double[] predicted = model.predictRows(packed, rows.size());
        List<Prediction> predictions = new ArrayList<>(rows.size());
        for (double value : predicted) {
            double halfWidth = model.halfWidth(value);
            predictions.add(Prediction.of(value, Math.max(0, value - halfWidth), value + halfWidth));
        }
        return predictions;
    }

    /** The probability of converting, explained by each input's SHAP contribution. */
    static List<Prediction> conversion(ConversionModel model, List<double[]> rows) {
        List<Prediction> predictions = new ArrayList<>(rows.size());
        for (double[] row : rows) {
            double[] checked = width(row, SessionEncoding.WIDTH);
            predictions.add(Prediction.explained(model.probabilityOf(checked), model.contributionList(checked)));
        }
        return predictions;
    }

    private static double[] width(double[] row, int width) {
        if (row.length != width) {
            throw new IllegalArgumentException("a row of " + row.length + " features where the model takes " + width);
        }
        return row;
    }

    /** A model type served from the catalog. */
    private record Served(ModelType type, ModelCatalog catalog, BiFunction<TrainedModel, List<double[]>, List<Prediction>> predict)
            implements InProcessModel {

        @Override
        public Mono<Predictor> answering(TenantId tenant) {
            return catalog.answering(tenant, ai.stratum.server.ml.training.ModelType.valueOf(type.name()))
                    .map(model -> new Version(model.info().revision(), rows -> predict.apply(model, rows)));
        }
    }

    /** One decoded model version. */
    private record Version(String version, Function<List<double[]>, List<Prediction>> rows) implements InProcessModel.Predictor {

        @Override
        public List<Prediction> predict(List<double[]> features) {
            return rows.apply(features);
        }
    }
}
