package ai.stratum.server.ml.inference;

import ai.stratum.server.ml.MlComputation;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** {@code ML_PROVIDER=local}: predictions from the {@link InProcessModel}s in this process, on the ML executor. */
@Singleton
@Requires(property = MlProvider.PROPERTY, notEquals = MlProvider.VERTEX)
public class LocalPredictionProvider implements PredictionProvider {

    private final Map<ModelType, InProcessModel> models = new EnumMap<>(ModelType.class);
    private final MlComputation computation;

    public LocalPredictionProvider(List<InProcessModel> installed, MlComputation computation) {
        for (InProcessModel model : installed) {
            if (models.put(model.type(), model) != null) {
                throw new IllegalStateException("two in-process models serve " + model.type());
            }
        }
        this.computation = computation;
    }

    @Override
    public Mono<List<Prediction>> predict(TenantId tenant, ModelType type, List<double[]> rows) {
        if (rows.isEmpty()) {
            return Mono.just(List.of());
        }
        return answering(tenant, type).flatMap(predictor -> computation.run(() -> {
            List<Prediction> predictions = predictor.predict(rows);
            if (predictions.size() != rows.size()) {
                throw new IllegalStateException("the " + type + " model answered " + predictions.size() + " predictions for "
                        + rows.size() + " rows");
            }
            return predictions;
        }));
    }

    @Override
    public Mono<String> version(TenantId tenant, ModelType type) {
        return answering(tenant, type).map(InProcessModel.Predictor::version);
    }

    private Mono<InProcessModel.Predictor> answering(TenantId tenant, ModelType type) {
        InProcessModel model = models.get(type);
        if (model == null) {
            return Mono.error(new PredictionUnavailableException("No in-process " + type + " model is installed"));
        }
        return model.answering(tenant);
    }
}
