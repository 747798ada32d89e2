package ai.stratum.server.cdp.score;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * A tenant's identity-resolution quality, 0 to 100, and what it came from.
 *
 * @param eventShare        events with a strong identifier / events; empty without events
 * @param profileShare      profiles with a strong identifier / profiles; empty without profiles
 * @param audienceMatchRate matched / sent by audience syncs; empty without syncs
 */
public record CdpScore(double score, CdpScoreInputs inputs, OptionalDouble eventShare, OptionalDouble profileShare,
                       OptionalDouble audienceMatchRate, Instant computedAt) {
}
