package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.IdArguments;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

import java.util.Optional;

/** {@code exportProfile}, {@code eraseProfile} and {@code erasures}. */
@Singleton
class PrivacySchema implements SchemaContribution {

    private final ExportService exports;
    private final ErasureService erasures;

    PrivacySchema(ExportService exports, ErasureService erasures) {
        this.exports = exports;
        this.erasures = erasures;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("exportProfile", Fetchers.mono(env -> exports.export(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), IdArguments.parse("id", env.getArgument("id")))))
                .dataFetcher("erasures", Fetchers.mono(env -> erasures.page(RequestContext.caller(env),
                        Optional.ofNullable(env.getArgument("pendingAudienceRemoval")), PageRequest.of(env)))));
        wiring.type("Erasure", type -> type.dataFetcher("audiencesClearedAt",
                env -> env.<Erasure>getSource().audiencesClearedAt().orElse(null)));
        wiring.type("Mutation", type -> type.dataFetcher("eraseProfile", Fetchers.mono(env -> erasures.erase(RequestContext.caller(env),
                RequestContext.of(env).requestId(), IdArguments.parse("id", env.getArgument("id"))))));
    }
}
