package ai.stratum.server.analytics;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GraphQL fields of unified analytics: campaigns, grouped performance and the exchange rates behind it. */
@Singleton
class AnalyticsSchema implements SchemaContribution {

    private final CampaignService campaigns;
    private final PerformanceService performance;
    private final FxRateService fxRates;

    AnalyticsSchema(CampaignService campaigns, PerformanceService performance, FxRateService fxRates) {
        this.campaigns = campaigns;
        this.performance = performance;
        this.fxRates = fxRates;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("campaigns", Fetchers.mono(env -> campaigns.page(RequestContext.caller(env), filter(env),
                        CampaignPageRequest.of(env.getArgument("first"), env.getArgument("after")))))
                .dataFetcher("performance", Fetchers.mono(env -> performance.rows(RequestContext.caller(env),
                        PerformanceQuery.of(env.getArgument("input"))))));
        wiring.type("Mutation", type -> type
                .dataFetcher("upsertFxRates", Fetchers.mono(this::upsertFxRates)));
    }

    private static CampaignFilter filter(DataFetchingEnvironment env) {
        return new CampaignFilter(Optional.ofNullable(env.<String>getArgument("platform")).map(Platform::valueOf),
                Optional.ofNullable(env.<String>getArgument("status")).map(EntityStatus::valueOf));
    }

    private Mono<Integer> upsertFxRates(DataFetchingEnvironment env) {
        RequestContext request = RequestContext.of(env);
        List<Map<String, Object>> rates = env.getArgument("rates");
        return fxRates.upsert(request.requireCaller(), request.requestId(), rates.stream().map(FxRateInput::of).toList());
    }
}
