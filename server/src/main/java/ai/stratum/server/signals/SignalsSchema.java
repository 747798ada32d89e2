package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Optional;

/** GraphQL fields of signal health: ingestion, the three scopes, history and live updates. */
@Singleton
class SignalsSchema implements SchemaContribution {

    private final SignalHealthService health;

    SignalsSchema(SignalHealthService health) {
        this.health = health;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("signalHealth", Fetchers.mono(env -> health.health(RequestContext.caller(env), platform(env),
                        Optional.ofNullable(env.getArgument("accountId")))))
                .dataFetcher("signalHealthHistory", Fetchers.flux(env -> health.history(RequestContext.caller(env),
                        env.<LocalDate>getArgument("from"), env.<LocalDate>getArgument("to"), platform(env)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("ingestSignals", Fetchers.mono(env -> health.ingest(RequestContext.caller(env), env.getArgument("input")))));
        wiring.type("Subscription", type -> type
                .dataFetcher("signalHealthUpdated", Fetchers.subscription(env -> health.updates(RequestContext.caller(env), platform(env)))));
    }

    private static Optional<Platform> platform(DataFetchingEnvironment env) {
        return Optional.ofNullable(env.<String>getArgument("platform")).map(Platform::valueOf);
    }
}
