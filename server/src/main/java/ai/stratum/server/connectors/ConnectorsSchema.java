package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** GraphQL fields of connected accounts, OAuth and syncs. */
@Singleton
class ConnectorsSchema implements SchemaContribution {

    private final ConnectionService connections;
    private final OAuthService oauth;
    private final SyncService syncs;

    ConnectorsSchema(ConnectionService connections, OAuthService oauth, SyncService syncs) {
        this.connections = connections;
        this.oauth = oauth;
        this.syncs = syncs;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("connections", Fetchers.flux(env -> connections.list(RequestContext.caller(env))))
                .dataFetcher("syncRun", Fetchers.mono(env -> syncs.get(RequestContext.caller(env), id(env)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("connectAccount", Fetchers.mono(env -> connections.connect(RequestContext.caller(env), requestId(env),
                        ConnectAccountInput.from(env.<Map<String, Object>>getArgument("input")))))
                .dataFetcher("startOAuth", Fetchers.mono(env -> oauth.start(RequestContext.caller(env),
                        Platform.valueOf(env.getArgument("platform")), env.getArgument("redirectUri"), env.getArgument("accountId"),
                        env.getArgument("displayName"))))
                .dataFetcher("disconnect", Fetchers.mono(env -> connections.disconnect(RequestContext.caller(env), requestId(env), id(env))))
                .dataFetcher("syncConnection", Fetchers.mono(env -> syncs.syncNow(RequestContext.caller(env), id(env),
                        Optional.ofNullable(env.<LocalDate>getArgument("from")), Optional.ofNullable(env.<LocalDate>getArgument("to")))))
                .dataFetcher("pauseConnection", Fetchers.mono(env -> connections.pause(RequestContext.caller(env), requestId(env), id(env))))
                .dataFetcher("resumeConnection", Fetchers.mono(env -> connections.resume(RequestContext.caller(env), requestId(env),
                        id(env)))));
    }

    private static UUID id(DataFetchingEnvironment env) {
        // authentication first: an anonymous caller learns nothing, not even that an id is malformed
        RequestContext.caller(env);
        return ConnectionInputs.id("id", env.getArgument("id"));
    }

    private static String requestId(DataFetchingEnvironment env) {
        return RequestContext.of(env).requestId();
    }
}
