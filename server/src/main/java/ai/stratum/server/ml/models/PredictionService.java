package ai.stratum.server.ml.models;

import ai.stratum.server.ml.cache.CacheLifetime;
import ai.stratum.server.ml.cache.CachedOperation;
import ai.stratum.server.ml.cache.MlCache;
import ai.stratum.server.ml.conversion.ConversionPrediction;
import ai.stratum.server.ml.conversion.SessionEncoding;
import ai.stratum.server.ml.conversion.SessionFeatures;
import ai.stratum.server.ml.inference.MlProvider;
import ai.stratum.server.ml.inference.Prediction;
import ai.stratum.server.ml.inference.PredictionProvider;
import ai.stratum.server.ml.roas.RoasEncoding;
import ai.stratum.server.ml.roas.RoasFeatures;
import ai.stratum.server.ml.roas.RoasPrediction;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Predictions with the model answering the caller's tenant, through the configured
 * {@link PredictionProvider} ({@code ML_PROVIDER}) and cached ({@link MlCache}) by the answering model's
 * version and the input: ROAS for seed 001's 30 minutes, conversion (a real-time prediction) for 15. A
 * retrained or newly activated model changes the version and bumps the model's cache generation, so the
 * next answer comes from it. New campaign data does not make these answers stale: they depend on the
 * features in the request and the model alone.
 *
 * <p>Every role may predict: a prediction changes nothing and reveals no data beyond what the caller
 * sends, and a VIEWER may already read the performance the tenant's models learn from.
 */
@Singleton
public class PredictionService {

    static final String PREDICT_ROAS = "predictRoas";
    static final String PREDICT_CONVERSION = "predictConversion";

    private final PredictionProvider provider;
    private final MlCache cache;
    private final ModelCatalog catalog;
    private final boolean registryModels;

    public PredictionService(PredictionProvider provider, MlCache cache, ModelCatalog catalog, MlProvider mlProvider) {
        this.provider = provider;
        this.cache = cache;
        this.catalog = catalog;
        this.registryModels = mlProvider.name().equals(MlProvider.LOCAL);
    }

    public Mono<Answer<RoasPrediction>> predictRoas(Caller caller, RoasFeatures features) {
        caller.require(Role.VIEWER);
        return predict(caller.tenant(), new Request<>(PREDICT_ROAS, ModelType.ROAS, CacheLifetime.ROAS, features,
                RoasEncoding.row(features), RoasPrediction.class, prediction -> roas(features, prediction)));
    }

    /**
     * A campaign's ROAS for the half-hourly live predictions: from the provider, not the cache (each run's
     * features are computed afresh from the campaign's days, and each answer is stored).
     *
     * @return the prediction, and the version of the model that made it
     */
    public Mono<VersionedPrediction<RoasPrediction>> predictRoasLive(TenantId tenant, RoasFeatures features) {
        ai.stratum.server.ml.inference.ModelType served = ai.stratum.server.ml.inference.ModelType.ROAS;
        return provider.version(tenant, served).flatMap(version -> provider.predict(tenant, served, List.of(RoasEncoding.row(features)))
                .map(predictions -> new VersionedPrediction<>(version, roas(features, predictions.get(0)))));
    }

    private static RoasPrediction roas(RoasFeatures features, Prediction prediction) {
        return RoasPrediction.of(features, prediction.value(), prediction.lower().isPresent() ? prediction.lower().getAsDouble() : null,
                prediction.upper().isPresent() ? prediction.upper().getAsDouble() : null);
    }

    public Mono<Answer<ConversionPrediction>> predictConversion(Caller caller, SessionFeatures session) {
        caller.require(Role.VIEWER);
        return predict(caller.tenant(), new Request<>(PREDICT_CONVERSION, ModelType.CONVERSION, CacheLifetime.REAL_TIME, session,
                SessionEncoding.encode(session), ConversionPrediction.class,
                prediction -> ConversionPrediction.of(session, prediction.value(), prediction.contributions())));
    }

    private <T> Mono<Answer<T>> predict(TenantId tenant, Request<T> request) {
        ai.stratum.server.ml.inference.ModelType served = ai.stratum.server.ml.inference.ModelType.valueOf(request.type().name());
        return provider.version(tenant, served)
                .flatMap(version -> cache.get(CachedOperation.fromModel(request.operation(), version, request.lifetime(), served),
                        tenant, request.input(), Argument.of(request.result()),
                        () -> provider.predict(tenant, served, List.of(request.row())).map(predictions -> request.read().apply(predictions.get(0)))))
                .flatMap(prediction -> answeringModel(tenant, request.type()).map(model -> new Answer<>(prediction, model)));
    }

    /** The registry's model that answers, when the registry's models answer at all (not with Vertex AI). */
    private Mono<Optional<ModelInfo>> answeringModel(TenantId tenant, ModelType type) {
        return registryModels ? catalog.answering(tenant, type).map(model -> Optional.of(model.info())) : Mono.just(Optional.empty());
    }

    /**
     * @param operation the cached operation's name
     * @param input     the request's features, the cache key's input
     * @param row       the features as the model takes them
     * @param read      the model's prediction as the API answers it
     */
    private record Request<T>(String operation, ModelType type, CacheLifetime lifetime, Object input, double[] row, Class<T> result,
                              Function<Prediction, T> read) {
    }

    /**
     * @param modelVersion what answered, as {@link PredictionProvider#version} names it
     * @param prediction   what it said
     */
    public record VersionedPrediction<T>(String modelVersion, T prediction) {
    }

    /**
     * @param prediction what the model says
     * @param model      the registry's model that said it; empty when a Vertex AI endpoint answered
     */
    public record Answer<T>(T prediction, Optional<ModelInfo> model) {
    }
}
