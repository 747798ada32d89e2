package ai.stratum.server.cdp.churn;

import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/** {@code churnModel} and {@code trainChurnModel}. */
@Singleton
class ChurnSchema implements SchemaContribution {

    private final ChurnService churn;

    ChurnSchema(ChurnService churn) {
        this.churn = churn;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("churnModel", Fetchers.mono(env -> churn.newest(RequestContext.caller(env)))));
        wiring.type("Mutation", type -> type.dataFetcher("trainChurnModel", Fetchers.mono(env -> churn.train(RequestContext.caller(env),
                env.<Integer>getArgument("windowDays")))));
        wiring.type("ChurnModel", type -> type
                .dataFetcher("auc", env -> {
                    ChurnModelInfo info = env.getSource();
                    return info.auc().isPresent() ? info.auc().getAsDouble() : null;
                }));
    }
}
