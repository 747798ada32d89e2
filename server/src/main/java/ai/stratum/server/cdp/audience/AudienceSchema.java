package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.cdp.IdArguments;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.List;

/** The GraphQL side of the audience sync: {@code schema/cdp-audiences.graphqls}. */
@Singleton
class AudienceSchema implements SchemaContribution {

    private final AudienceSyncService audiences;

    AudienceSchema(AudienceSyncService audiences) {
        this.audiences = audiences;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type.dataFetcher("syncAudience", Fetchers.mono(this::sync)));
        wiring.type("Query", type -> type
                .dataFetcher("audienceSync", Fetchers.mono(env -> audiences.run(RequestContext.caller(env),
                        IdArguments.parse("id", env.getArgument("id")))))
                .dataFetcher("audienceSyncs", Fetchers.flux(env -> audiences.runs(RequestContext.caller(env),
                        IdArguments.parse("segmentId", env.getArgument("segmentId")), env.<Integer>getArgument("first"))))
                .dataFetcher("audiences", Fetchers.flux(env -> audiences.audiences(RequestContext.caller(env),
                        IdArguments.parse("segmentId", env.getArgument("segmentId"))))));
        wiring.type("AudienceSync", type -> type
                .dataFetcher("skippedWithoutConsent", env -> env.<AudienceSyncRun>getSource().withoutConsent()));
    }

    private Mono<List<AudienceSyncRun>> sync(DataFetchingEnvironment env) {
        List<String> platforms = env.getArgument("platforms");
        return audiences.sync(RequestContext.caller(env), RequestContext.of(env).requestId(),
                IdArguments.parse("segmentId", env.getArgument("segmentId")),
                platforms.stream().map(Platform::valueOf).toList());
    }
}
