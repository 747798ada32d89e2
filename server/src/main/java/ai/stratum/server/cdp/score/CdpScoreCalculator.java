package ai.stratum.server.cdp.score;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The CDP score: how well the tenant's data identifies people, as the trust engine's
 * {@code cdpEmqScore}. Pure.
 *
 * <pre>
 * score = 100 × (0.4 × eventShare + 0.4 × profileShare + 0.2 × audienceMatchRate) / (sum of the weights present)
 * </pre>
 * A part is present when its total is above zero: a tenant that never synced an audience is scored
 * on events and profiles alone (each then weighs half), as the trust engine redistributes an absent
 * component's weight. With no part present there is no score: the trust engine's CDP component
 * stays absent rather than reading 0.
 */
public final class CdpScoreCalculator {

    static final double EVENTS_WEIGHT = 0.4;
    static final double PROFILES_WEIGHT = 0.4;
    static final double AUDIENCE_WEIGHT = 0.2;

    private CdpScoreCalculator() {
    }

    public static Optional<CdpScore> score(CdpScoreInputs inputs, Instant now) {
        OptionalDouble events = share(inputs.eventsWithStrongIdentifier(), inputs.events());
        OptionalDouble profiles = share(inputs.profilesWithStrongIdentifier(), inputs.profiles());
        OptionalDouble audience = share(inputs.audienceMatched(), inputs.audienceSent());
        double weights = weight(events, EVENTS_WEIGHT) + weight(profiles, PROFILES_WEIGHT) + weight(audience, AUDIENCE_WEIGHT);
        if (weights == 0) {
            return Optional.empty();
        }
        double weighted = weighted(events, EVENTS_WEIGHT) + weighted(profiles, PROFILES_WEIGHT) + weighted(audience, AUDIENCE_WEIGHT);
        return Optional.of(new CdpScore(Math.min(100.0, 100.0 * weighted / weights), inputs, events, profiles, audience, now));
    }

    private static OptionalDouble share(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }

    private static double weight(OptionalDouble share, double weight) {
        return share.isPresent() ? weight : 0;
    }

    private static double weighted(OptionalDouble share, double weight) {
        return share.isPresent() ? weight * share.getAsDouble() : 0;
    }
}
