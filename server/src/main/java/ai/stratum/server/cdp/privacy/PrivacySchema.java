package ai.stratum.server.cdp.privacy;

import ai.stratum.server.cdp.IdArguments;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/** {@code exportProfile} and {@code eraseProfile}. */
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
        wiring.type("Query", type -> type.dataFetcher("exportProfile", Fetchers.mono(env -> exports.export(RequestContext.caller(env),
                RequestContext.of(env).requestId(), IdArguments.parse("id", env.getArgument("id"))))));
        wiring.type("Mutation", type -> type.dataFetcher("eraseProfile", Fetchers.mono(env -> erasures.erase(RequestContext.caller(env),
                RequestContext.of(env).requestId(), IdArguments.parse("id", env.getArgument("id"))))));
    }
}
