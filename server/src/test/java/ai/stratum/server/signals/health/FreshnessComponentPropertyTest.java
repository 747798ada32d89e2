package ai.stratum.server.signals.health;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessComponentPropertyTest {

    private static final Instant NOW = Instant.parse("2025-03-15T12:00:00Z");

    @Property
    void neverScoresOlderDataFresher(@ForAll("settings") TrustSettings settings,
                                     @ForAll @DoubleRange(min = -48, max = 200) double ageHours,
                                     @ForAll("steps") double stepHours) {
        FreshnessComponent freshness = new FreshnessComponent(settings);

        assertThat(freshness.scoreOf(ageHours + stepHours)).isLessThanOrEqualTo(freshness.scoreOf(ageHours));
        assertThat(freshness.scoreOf(Math.nextUp(ageHours))).isLessThanOrEqualTo(freshness.scoreOf(ageHours));
    }

    @Property
    void neverScoresOlderDataFresherAroundTheBoundaries(@ForAll("settings") TrustSettings settings,
                                                       @ForAll @DoubleRange(min = -0.5, max = 0.5) double offsetHours,
                                                       @ForAll("steps") double stepHours,
                                                       @ForAll boolean aroundStale) {
        FreshnessComponent freshness = new FreshnessComponent(settings);
        double ageHours = (aroundStale ? settings.staleDataAgeHours() : settings.maxDataAgeHours()) + offsetHours;

        assertThat(freshness.scoreOf(ageHours + stepHours)).isLessThanOrEqualTo(freshness.scoreOf(ageHours));
        assertThat(freshness.scoreOf(Math.nextUp(ageHours))).isLessThanOrEqualTo(freshness.scoreOf(ageHours));
    }

    @Property
    void neverScoresAnEarlierReceiptFresher(@ForAll("settings") TrustSettings settings,
                                            @ForAll @LongRange(min = -86_400, max = 400_000) long secondsBeforeNow,
                                            @ForAll @LongRange(min = 0, max = 20_000) long earlierBySeconds) {
        FreshnessComponent freshness = new FreshnessComponent(settings);
        Instant received = NOW.minusSeconds(secondsBeforeNow);

        ComponentScore later = freshness.score(Optional.of(received), NOW);
        ComponentScore earlier = freshness.score(Optional.of(received.minusSeconds(earlierBySeconds)), NOW);

        assertThat(earlier.score()).isLessThanOrEqualTo(later.score());
        assertThat(later.score()).isBetween(0.0, 100.0);
        assertThat(later.cause().isPresent()).isEqualTo(later.score() < 100.0);
    }

    @Provide
    Arbitrary<TrustSettings> settings() {
        return TrustSettingsArbitraries.valid();
    }

    @Provide
    Arbitrary<Double> steps() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 30), Arbitraries.of(0.0, 1e-9, 1.0 / 3600));
    }
}
