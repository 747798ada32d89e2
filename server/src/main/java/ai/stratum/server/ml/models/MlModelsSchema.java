package ai.stratum.server.ml.models;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.ml.InvalidMlInputException;
import ai.stratum.server.ml.conversion.ConversionPrediction;
import ai.stratum.server.ml.conversion.DeviceType;
import ai.stratum.server.ml.conversion.SessionFeatures;
import ai.stratum.server.ml.conversion.TrafficSource;
import ai.stratum.server.ml.conversion.UserSegment;
import ai.stratum.server.ml.roas.RoasFeatures;
import ai.stratum.server.ml.roas.RoasPrediction;
import ai.stratum.server.ml.training.ModelType;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/** GraphQL fields of schema/ml-models.graphqls: predictions, the model registry and training jobs. */
@Singleton
class MlModelsSchema implements SchemaContribution {

    private final PredictionService predictions;
    private final ModelRegistryService registry;
    private final ModelTrainingService training;

    MlModelsSchema(PredictionService predictions, ModelRegistryService registry, ModelTrainingService training) {
        this.predictions = predictions;
        this.registry = registry;
        this.training = training;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("predictRoas", Fetchers.mono(env -> predictions.predictRoas(RequestContext.caller(env),
                        input(() -> roasFeatures(env.getArgument("input"))))))
                .dataFetcher("predictConversion", Fetchers.mono(env -> predictions.predictConversion(RequestContext.caller(env),
                        input(() -> session(env.getArgument("input"))))))
                .dataFetcher("models", Fetchers.mono(env -> registry.list(RequestContext.caller(env), modelType(env),
                        VersionPage.of(env.getArgument("first"), env.getArgument("after")))))
                .dataFetcher("trainingJob", Fetchers.mono(env -> training.job(RequestContext.caller(env), jobId(env)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("trainModel", Fetchers.mono(env -> {
                    RequestContext request = RequestContext.of(env);
                    return training.train(request.requireCaller(), request.requestId(), modelType(env));
                }))
                .dataFetcher("activateModel", Fetchers.mono(env -> {
                    RequestContext request = RequestContext.of(env);
                    return registry.activate(request.requireCaller(), request.requestId(), modelType(env),
                            env.<Integer>getArgument("version"));
                })));
        wiring.type("RoasPrediction", type -> type
                .dataFetcher("predictedRoas", roas(RoasPrediction::predictedRoas))
                .dataFetcher("confidenceLower", roas(RoasPrediction::confidenceLower))
                .dataFetcher("confidenceUpper", roas(RoasPrediction::confidenceUpper))
                .dataFetcher("trend", roas(RoasPrediction::trend))
                .dataFetcher("recommendation", roas(RoasPrediction::recommendation))
                .dataFetcher("model", env -> env.<PredictionService.Answer<?>>getSource().model().orElse(null)));
        wiring.type("ConversionPrediction", type -> type
                .dataFetcher("conversionProbability", conversion(ConversionPrediction::conversionProbability))
                .dataFetcher("confidence", conversion(ConversionPrediction::confidence))
                .dataFetcher("topFactors", conversion(ConversionPrediction::topFactors))
                .dataFetcher("model", env -> env.<PredictionService.Answer<?>>getSource().model().orElse(null)));
        wiring.type("MlModel", type -> type
                .dataFetcher("metrics", env -> env.<ModelInfo>getSource().metricValues()));
        wiring.type("MlModelConnection", type -> type
                .dataFetcher("edges", env -> env.<ModelRegistryService.ModelListing>getSource().versions().edges())
                .dataFetcher("pageInfo", env -> env.<ModelRegistryService.ModelListing>getSource().versions().pageInfo())
                .dataFetcher("totalCount", env -> env.<ModelRegistryService.ModelListing>getSource().versions().totalCount())
                .dataFetcher("active", env -> env.<ModelRegistryService.ModelListing>getSource().active())
                .dataFetcher("defaultModel", env -> env.<ModelRegistryService.ModelListing>getSource().defaultModel()));
        wiring.type("TrainingJob", type -> type
                .dataFetcher("metrics", env -> env.<TrainingJob>getSource().metricValues())
                .dataFetcher("model", Fetchers.mono(env -> {
                    TrainingJob job = env.getSource();
                    return job.modelVersion().map(version -> registry.find(RequestContext.caller(env), job.type(), version))
                            .orElse(Mono.empty());
                })));
    }

    private static <T> DataFetcher<T> roas(Function<RoasPrediction, T> field) {
        return env -> field.apply(env.<PredictionService.Answer<RoasPrediction>>getSource().prediction());
    }

    private static <T> DataFetcher<T> conversion(Function<ConversionPrediction, T> field) {
        return env -> field.apply(env.<PredictionService.Answer<ConversionPrediction>>getSource().prediction());
    }

    /** The input's checks, answered as BAD_USER_INPUT naming the field as the request spells it. */
    private static <T> T input(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidMlInputException e) {
            throw ApiException.badInput("input." + e.field(), "input." + e.getMessage());
        }
    }

    static RoasFeatures roasFeatures(Map<String, Object> input) {
        return new RoasFeatures(number(input, "historicalRoas7d"), number(input, "historicalRoas30d"),
                number(input, "spendVelocity"), number(input, "ctr"), number(input, "conversionRate"),
                number(input, "impressionsGrowth"), Platform.valueOf((String) input.get("platform")),
                (Integer) input.get("dayOfWeek"), (LocalDate) input.get("date"), number(input, "audienceSize"),
                number(input, "creativeFatigueScore"));
    }

    static SessionFeatures session(Map<String, Object> input) {
        return new SessionFeatures(number(input, "sessionDuration"), (Integer) input.get("pagesViewed"),
                number(input, "cartValue"), (Integer) input.get("itemsInCart"), number(input, "timeSinceLastVisit"),
                (Integer) input.get("previousPurchases"), DeviceType.valueOf((String) input.get("deviceType")),
                TrafficSource.valueOf((String) input.get("trafficSource")), UserSegment.valueOf((String) input.get("userSegment")));
    }

    private static double number(Map<String, Object> input, String field) {
        return ((Number) input.get(field)).doubleValue();
    }

    private static ModelType modelType(DataFetchingEnvironment env) {
        return ModelType.valueOf(env.getArgument("type"));
    }

    private static UUID jobId(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("id", "'" + id + "' is not a training job id");
        }
    }
}
