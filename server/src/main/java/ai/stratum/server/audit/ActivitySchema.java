package ai.stratum.server.audit;

import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.security.Role;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

/** {@code Subscription.tenantActivity}: the caller's tenant's audited changes as they commit. */
@Singleton
class ActivitySchema implements SchemaContribution {

    private final ActivityFeed feed;

    ActivitySchema(ActivityFeed feed) {
        this.feed = feed;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Subscription", type -> type.dataFetcher("tenantActivity", Fetchers.subscription(env ->
                feed.events(RequestContext.caller(env).require(Role.TENANT_ADMIN).tenant()))));
    }
}
