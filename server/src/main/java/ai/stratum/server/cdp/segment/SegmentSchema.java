package ai.stratum.server.cdp.segment;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.UUID;

/** GraphQL fields of segments; each fetcher calls {@link SegmentService}. */
@Singleton
class SegmentSchema implements SchemaContribution {

    private final SegmentService segments;

    SegmentSchema(SegmentService segments) {
        this.segments = segments;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("segment", Fetchers.mono(env -> segments.find(RequestContext.caller(env), id(env, "id"))))
                .dataFetcher("segments", Fetchers.flux(env -> segments.list(RequestContext.caller(env))))
                .dataFetcher("previewSegment", Fetchers.mono(env -> segments.preview(RequestContext.caller(env),
                        RuleReader.read(env.getArgument("rules"), "rules")))));
        wiring.type("Mutation", type -> type
                .dataFetcher("createSegment", Fetchers.mono(env -> segments.create(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), SegmentService.SegmentInput.read(env.getArgument("input")))))
                .dataFetcher("updateSegment", Fetchers.mono(env -> segments.update(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), id(env, "id"), SegmentService.SegmentInput.read(env.getArgument("input")))))
                .dataFetcher("deleteSegment", Fetchers.mono(env -> segments.delete(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), id(env, "id")))));
        wiring.type("Subscription", type -> type
                .dataFetcher("segmentMembershipChanged", Fetchers.subscription(env -> segments.changes(RequestContext.caller(env),
                        Optional.ofNullable(env.<String>getArgument("segmentId")).map(id -> parse("segmentId", id))))));
        wiring.type("Segment", type -> type
                .dataFetcher("rules", env -> RuleWriter.write(env.<Segment>getSource().rules()))
                .dataFetcher("size", Fetchers.mono(env -> segments.size(RequestContext.caller(env), env.<Segment>getSource().id())
                        .map(size -> (int) Math.min(size, Integer.MAX_VALUE))))
                .dataFetcher("members", Fetchers.mono(env -> segments.members(RequestContext.caller(env), env.<Segment>getSource().id(),
                        PageRequest.of(env)))));
        wiring.type("SegmentPreview", type -> type
                .dataFetcher("size", env -> (int) Math.min(env.<SegmentService.Preview>getSource().size(), Integer.MAX_VALUE)));
    }

    private static UUID id(DataFetchingEnvironment env, String argument) {
        return parse(argument, env.getArgument(argument));
    }

    static UUID parse(String field, String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(field, "'" + id + "' is not a valid id");
        }
    }
}
