package ai.stratum.server.cdp.score;

import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import graphql.schema.idl.RuntimeWiring;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.OptionalDouble;

/** {@code cdpScore}. */
@Singleton
class CdpScoreSchema implements SchemaContribution {

    private final CdpScoreService scores;

    CdpScoreSchema(CdpScoreService scores) {
        this.scores = scores;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("cdpScore", Fetchers.mono(env -> scores.current(RequestContext.caller(env))
                .map(CdpScoreView::of))));
    }

    /** {@code CdpScore} as GraphQL shows it. */
    record CdpScoreView(double score, long events, long eventsWithStrongIdentifier, @Nullable Double eventShare, long profiles,
                        long profilesWithStrongIdentifier, @Nullable Double profileShare, long audienceSent, long audienceMatched,
                        @Nullable Double audienceMatchRate, Instant computedAt) {

        static CdpScoreView of(CdpScore score) {
            CdpScoreInputs in = score.inputs();
            return new CdpScoreView(score.score(), in.events(), in.eventsWithStrongIdentifier(), boxed(score.eventShare()), in.profiles(),
                    in.profilesWithStrongIdentifier(), boxed(score.profileShare()), in.audienceSent(), in.audienceMatched(),
                    boxed(score.audienceMatchRate()), score.computedAt());
        }

        private static Double boxed(OptionalDouble value) {
            return value.isPresent() ? value.getAsDouble() : null;
        }
    }
}
