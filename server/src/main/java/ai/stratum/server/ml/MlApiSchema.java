package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.ml.anomaly.AnomalyMethod;
import ai.stratum.server.ml.cache.MlResultsRefresh;
import ai.stratum.server.ml.roas.RoasPrediction;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.function.Function;

/**
 * GraphQL fields of the ML engine's scorers, simulations, forecasts and anomalies ({@code schema/ml.graphqls}).
 * The learned models' fields (predictions, training, the registry) are wired by their own package.
 */
@Singleton
class MlApiSchema implements SchemaContribution {

    private final BudgetSimulationService simulations;
    private final ScoringService scoring;
    private final ForecastService forecasts;
    private final AnomalyService anomalies;
    private final StoredForecastService storedForecasts;
    private final CreativeFatigueService creatives;
    private final StoredRoasPredictions roasPredictions;
    private final MlResultsRefresh refresh;

    MlApiSchema(BudgetSimulationService simulations, ScoringService scoring, ForecastService forecasts, AnomalyService anomalies,
                StoredForecastService storedForecasts, CreativeFatigueService creatives, StoredRoasPredictions roasPredictions,
                MlResultsRefresh refresh) {
        this.simulations = simulations;
        this.scoring = scoring;
        this.forecasts = forecasts;
        this.anomalies = anomalies;
        this.storedForecasts = storedForecasts;
        this.creatives = creatives;
        this.roasPredictions = roasPredictions;
        this.refresh = refresh;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("simulateBudget", Fetchers.mono(env -> simulations.simulate(RequestContext.caller(env),
                        BudgetSimulationRequest.of(env.getArgument("input")))))
                .dataFetcher("creativeFatigue", Fetchers.mono(env -> Mono.fromCallable(() -> scoring.creativeFatigue(
                        RequestContext.caller(env), env.getArgument("input")))))
                .dataFetcher("eventQuality", Fetchers.mono(env -> Mono.fromCallable(() -> scoring.eventQuality(
                        RequestContext.caller(env), env.getArgument("event"), Platform.valueOf(env.getArgument("platform"))))))
                .dataFetcher("forecast", Fetchers.mono(env -> forecasts.forecast(RequestContext.caller(env),
                        ForecastRequest.of(env.getArgument("input")))))
                .dataFetcher("anomalies", Fetchers.flux(env -> anomalies.between(RequestContext.caller(env), env.getArgument("from"),
                        env.getArgument("to"), optional(env, "platform").map(Platform::valueOf), optional(env, "campaignId"),
                        optional(env, "method").map(AnomalyMethod::valueOf))))
                .dataFetcher("dailyForecasts", Fetchers.flux(env -> storedForecasts.madeOn(RequestContext.caller(env),
                        Optional.ofNullable(env.getArgument("date")), optional(env, "level").map(ForecastLevel::valueOf),
                        optional(env, "platform").map(Platform::valueOf))))
                .dataFetcher("creativeFatigueHistory", Fetchers.mono(env -> creatives.history(RequestContext.caller(env),
                        Platform.valueOf(env.getArgument("platform")), env.getArgument("creativeId"), env.getArgument("from"),
                        env.getArgument("to"))))
                .dataFetcher("roasPredictions", Fetchers.mono(env -> roasPredictions.page(RequestContext.caller(env),
                        optional(env, "campaignId"), PageRequest.of(env)))));
        wiring.type("StoredRoasPrediction", type -> type
                .dataFetcher("predictedRoas", stored(RoasPrediction::predictedRoas))
                .dataFetcher("confidenceLower", stored(RoasPrediction::confidenceLower))
                .dataFetcher("confidenceUpper", stored(RoasPrediction::confidenceUpper))
                .dataFetcher("trend", stored(RoasPrediction::trend))
                .dataFetcher("recommendation", stored(RoasPrediction::recommendation)));
        wiring.type("Mutation", type -> type
                .dataFetcher("upsertCreatives", Fetchers.mono(env -> creatives.upsert(RequestContext.caller(env),
                        env.getArgument("creatives"))))
                .dataFetcher("refreshMlResults", Fetchers.mono(env -> {
                    RequestContext request = RequestContext.of(env);
                    return refresh.refresh(request.requireCaller(), request.requestId());
                })));
        wiring.type("Subscription", type -> type
                .dataFetcher("anomalyDetected", Fetchers.subscription(env -> anomalies.detected(RequestContext.caller(env),
                        optional(env, "platform").map(Platform::valueOf), optional(env, "method").map(AnomalyMethod::valueOf)))));
    }

    private static <T> DataFetcher<T> stored(Function<RoasPrediction, T> field) {
        return env -> field.apply(env.<StoredRoasPrediction>getSource().prediction());
    }

    private static Optional<String> optional(DataFetchingEnvironment env, String argument) {
        return Optional.ofNullable(env.getArgument(argument));
    }
}
