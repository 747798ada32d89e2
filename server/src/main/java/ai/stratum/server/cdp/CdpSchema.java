package ai.stratum.server.cdp;

import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.cdp.identity.StoredIdentifier;
import ai.stratum.server.cdp.ingest.BatchDefaults;
import ai.stratum.server.cdp.ingest.IngestResult;
import ai.stratum.server.cdp.ingest.IngestService;
import ai.stratum.server.cdp.segment.SegmentService;
import ai.stratum.server.cdp.source.SourceService;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.DataLoaderContribution;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.PageRequest;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** GraphQL fields of the customer data platform; each fetcher calls one service. */
@Singleton
class CdpSchema implements SchemaContribution, DataLoaderContribution {

    private static final String IDENTIFIERS = "cdpProfileIdentifiers";
    private static final String MERGED_IDS = "cdpProfileMergedIds";

    private final SourceService sources;
    private final IngestService ingest;
    private final ProfileService profiles;
    private final SegmentService segments;

    CdpSchema(SourceService sources, IngestService ingest, ProfileService profiles, SegmentService segments) {
        this.sources = sources;
        this.ingest = ingest;
        this.profiles = profiles;
        this.segments = segments;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("sources", Fetchers.flux(env -> sources.list(RequestContext.caller(env))))
                .dataFetcher("profile", Fetchers.mono(env -> profiles.profile(RequestContext.caller(env), id(env, "id"))))
                .dataFetcher("profileByIdentifier", Fetchers.mono(env -> profiles.byIdentifier(RequestContext.caller(env),
                        IdentifierType.valueOf(env.getArgument("type")), env.getArgument("value"))))
                .dataFetcher("profiles", Fetchers.mono(env -> env.getArgument("segmentId") == null
                        ? profiles.page(RequestContext.caller(env), PageRequest.of(env))
                        : segments.members(RequestContext.caller(env), id(env, "segmentId"), PageRequest.of(env))))
                .dataFetcher("identityGraph", Fetchers.mono(env -> profiles.graph(RequestContext.caller(env), id(env, "profileId"))))
                .dataFetcher("profileEvents", Fetchers.mono(env -> profiles.events(RequestContext.caller(env), id(env, "profileId"),
                        PageRequest.of(env)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("createSource", Fetchers.mono(env -> sources.create(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), (String) env.<Map<String, Object>>getArgument("input").get("name"))))
                .dataFetcher("revokeSource", Fetchers.mono(env -> sources.revoke(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), id(env, "id"))))
                .dataFetcher("ingestEvents", Fetchers.mono(this::ingestEvents)));
        wiring.type("Profile", type -> type
                .dataFetcher("identifiers", env -> env.<UUID, List<StoredIdentifier>>getDataLoader(IDENTIFIERS)
                        .load(env.<ProfileView>getSource().id()))
                .dataFetcher("mergedIds", env -> env.<UUID, List<UUID>>getDataLoader(MERGED_IDS)
                        .load(env.<ProfileView>getSource().id())));
        wiring.type("Identifier", type -> type
                .dataFetcher("type", env -> env.<StoredIdentifier>getSource().identifier().type())
                .dataFetcher("value", env -> env.<StoredIdentifier>getSource().identifier().value()));
    }

    @Override
    public void register(DataLoaderRegistry registry, RequestContext request) {
        registry.register(IDENTIFIERS, DataLoaderFactory.newMappedDataLoader((Set<UUID> ids) ->
                profiles.identifiers(request.requireCaller().tenant(), ids).toFuture()));
        registry.register(MERGED_IDS, DataLoaderFactory.newMappedDataLoader((Set<UUID> ids) ->
                profiles.mergedIds(request.requireCaller().tenant(), ids).toFuture()));
    }

    private Mono<IngestResult> ingestEvents(DataFetchingEnvironment env) {
        Caller caller = RequestContext.caller(env).require(ProfileService.PERSONAL_DATA);
        Optional<UUID> sourceId = Optional.ofNullable(env.<String>getArgument("sourceId")).map(id -> parse("sourceId", id));
        List<Map<String, Object>> inputs = env.getArgument("events");
        List<Map<String, Object>> events = inputs.stream().map(CdpSchema::asSegmentEvent).toList();
        return sources.forGraphQL(caller, sourceId)
                .flatMap(source -> ingest.ingest(source, events, Optional.empty(), BatchDefaults.NONE));
    }

    /** An {@code EventInput} in the shape the Segment spec gives it, so both ways in are read by the same rules. */
    private static Map<String, Object> asSegmentEvent(Map<String, Object> input) {
        Map<String, Object> event = new LinkedHashMap<>();
        input.forEach((field, value) -> {
            if (value instanceof Instant instant) {
                event.put(field, instant.toString());
            } else if (field.equals("type") && value instanceof String type) {
                event.put(field, type.toLowerCase(Locale.ROOT));
            } else if (value != null) {
                event.put(field, value);
            }
        });
        return event;
    }

    private static UUID id(DataFetchingEnvironment env, String argument) {
        return parse(argument, env.getArgument(argument));
    }

    private static UUID parse(String field, String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(field, "'" + id + "' is not a valid id");
        }
    }
}
