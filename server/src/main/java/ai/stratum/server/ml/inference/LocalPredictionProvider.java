package ai.stratum.server.ml.inference;

import ai.stratum.server.ml.MlComputation;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ML_PROVIDER=local}: predictions from the {@link InProcessModel}s in this process. A single row
 * is predicted on the calling thread: one booster call or one TreeSHAP walk takes tens of microseconds,
 * less than handing it to the ML executor and waiting for that thread to wake and hand the answer back.
 * Every caller sends one row today (a {@code predictRoas} or {@code predictConversion} request, one campaign
 * of the half-hourly live predictions); a batch of several rows goes to the ML executor.
 */
@Singleton
@Requires(property = MlProvider.PROPERTY, notEquals = MlProvider.VERTEX)
public class LocalPredictionProvider implements PredictionProvider {

    /** At most this many rows are predicted without leaving the calling thread. */
    static final int ON_CALLING_THREAD = 1;

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
        return answering(tenant, type).flatMap(predictor -> rows.size() <= ON_CALLING_THREAD
                ? Mono.fromCallable(() -> predictions(predictor, type, rows))
                : computation.run(() -> predictions(predictor, type, rows)));
    }

    private static List<Prediction> predictions(InProcessModel.Predictor predictor, ModelType type, List<double[]> rows) {
        List<Prediction> predictions = predictor.predict(rows);
        if (predictions.size() != rows.size()) {
            throw new IllegalStateException("the " + type + " model answered " + predictions.size() + " predictions for "
                    + rows.size() + " rows");
        }
        return predictions;
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
