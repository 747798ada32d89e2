package ai.stratum.server.cdp.rfm;

import ai.stratum.server.cdp.ProfileView;
import ai.stratum.server.cdp.segment.SegmentMembership;
import ai.stratum.server.database.Database;
import ai.stratum.server.graphql.DataLoaderContribution;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;

/** {@code Profile.rfm}, {@code Profile.churnProbability} (loaded in batches) and {@code recomputeRfm}. */
@Singleton
class ScoresSchema implements SchemaContribution, DataLoaderContribution {

    private static final String SCORES = "cdpProfileScores";

    private final Database database;
    private final ProfileScoreRepository scores;
    private final RfmService rfm;
    private final SegmentMembership membership;

    ScoresSchema(Database database, ProfileScoreRepository scores, RfmService rfm, SegmentMembership membership) {
        this.database = database;
        this.scores = scores;
        this.rfm = rfm;
        this.membership = membership;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Profile", type -> type
                .dataFetcher("rfm", env -> env.<UUID, ProfileScores>getDataLoader(SCORES).load(env.<ProfileView>getSource().id())
                        .thenApply(found -> found.rfm().orElse(null)))
                .dataFetcher("churnProbability", env -> env.<UUID, ProfileScores>getDataLoader(SCORES).load(env.<ProfileView>getSource().id())
                        .thenApply(found -> found.churnProbability().isPresent() ? found.churnProbability().getAsDouble() : null)));
        wiring.type("Mutation", type -> type
                .dataFetcher("recomputeRfm", Fetchers.mono(env -> {
                    TenantId tenant = RequestContext.caller(env).require(Role.DATA_ANALYST).tenant();
                    return rfm.recompute(tenant).flatMap(count -> membership.refreshAll(tenant).thenReturn((int) Math.min(count, Integer.MAX_VALUE)));
                })));
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext request) {
        registry.register(SCORES, DataLoaderFactory.newMappedDataLoader((Set<UUID> ids) -> load(request, ids).toFuture()));
    }

    private Mono<Map<UUID, ProfileScores>> load(RequestContext request, Set<UUID> ids) {
        // Profile fields are only reachable by callers who may read profiles; the loader adds no check of its own
        TenantId tenant = request.requireCaller().tenant();
        return database.inTenant(tenant, connection -> scores.find(connection, tenant, ids))
                .collectMap(ProfileScores::profileId)
                .map(found -> {
                    Map<UUID, ProfileScores> all = new HashMap<>(found);
                    ids.forEach(id -> all.putIfAbsent(id, new ProfileScores(id, Optional.empty(), OptionalDouble.empty())));
                    return all;
                });
    }
}
