package ai.stratum.server.ml.models;

import ai.stratum.server.ml.conversion.ConversionPrediction;
import ai.stratum.server.ml.conversion.SessionFeatures;
import ai.stratum.server.ml.roas.RoasFeatures;
import ai.stratum.server.ml.roas.RoasPrediction;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

/**
 * Predictions with the model answering the caller's tenant. Every role may predict: a prediction changes
 * nothing and reveals no data beyond what the caller sends, and a VIEWER may already read the performance
 * the tenant's models learn from.
 */
@Singleton
public class PredictionService {

    private final ModelCatalog catalog;

    public PredictionService(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public Mono<Answer<RoasPrediction>> predictRoas(Caller caller, RoasFeatures features) {
        caller.require(Role.VIEWER);
        return catalog.answering(caller.tenant(), ModelType.ROAS)
                .map(model -> new Answer<>(model.roas().predict(features), model.info()));
    }

    public Mono<Answer<ConversionPrediction>> predictConversion(Caller caller, SessionFeatures session) {
        caller.require(Role.VIEWER);
        return catalog.answering(caller.tenant(), ModelType.CONVERSION)
                .map(model -> new Answer<>(model.conversion().predict(session), model.info()));
    }

    /**
     * @param prediction what the model says
     * @param model      the model that said it
     */
    public record Answer<T>(T prediction, ModelInfo model) {
    }
}
