package ai.stratum.server.cdp.consent;

import ai.stratum.server.cdp.IdArguments;
import ai.stratum.server.cdp.ProfileService;
import ai.stratum.server.cdp.ProfileView;
import ai.stratum.server.graphql.DataLoaderContribution;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.security.Caller;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code setConsent} and {@code Profile.consent}. */
@Singleton
class ConsentSchema implements SchemaContribution, DataLoaderContribution {

    private static final String CONSENT = "cdpProfileConsent";

    private final ConsentService consent;
    private final ProfileService profiles;

    ConsentSchema(ConsentService consent, ProfileService profiles) {
        this.consent = consent;
        this.profiles = profiles;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type.dataFetcher("setConsent", Fetchers.mono(this::setConsent)));
        wiring.type("Profile", type -> type.dataFetcher("consent", env -> env.<UUID, List<ConsentStatement>>getDataLoader(CONSENT)
                .load(env.<ProfileView>getSource().id())));
        wiring.type("Consent", type -> type.dataFetcher("updatedAt", env -> env.<ConsentStatement>getSource().statedAt()));
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext request) {
        registry.register(CONSENT, DataLoaderFactory.newMappedDataLoader((Set<UUID> ids) -> {
            // the consent of a profile someone may not read is never loaded: the profile itself was refused
            return consent.of(request.requireCaller().tenant(), ids).toFuture();
        }));
    }

    private Mono<ProfileView> setConsent(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env);
        UUID profileId = IdArguments.parse("profileId", env.getArgument("profileId"));
        List<Map<String, Object>> inputs = env.getArgument("consent");
        List<ConsentService.Choice> choices = inputs.stream()
                .map(input -> new ConsentService.Choice(ConsentPurpose.valueOf((String) input.get("purpose")), (Boolean) input.get("granted"),
                        Optional.ofNullable((Instant) input.get("statedAt"))))
                .toList();
        return consent.set(caller, RequestContext.of(env).requestId(), profileId, choices)
                .flatMap(live -> profiles.profile(caller, live));
    }
}
