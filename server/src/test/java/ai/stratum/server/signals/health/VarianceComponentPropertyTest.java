package ai.stratum.server.signals.health;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class VarianceComponentPropertyTest {

    @Property
    void neverScoresALargerVarianceHigher(@ForAll("settings") TrustSettings settings,
                                          @ForAll @DoubleRange(min = 0, max = 3) double variance,
                                          @ForAll("steps") double step) {
        VarianceComponent component = new VarianceComponent(settings);

        assertThat(component.scoreOf(variance + step)).isLessThanOrEqualTo(component.scoreOf(variance));
    }

    @Property
    void neverScoresALargerVarianceHigherAroundTheBoundaries(@ForAll("settings") TrustSettings settings,
                                                            @ForAll @DoubleRange(min = -0.02, max = 0.02) double offset,
                                                            @ForAll("steps") double step,
                                                            @ForAll boolean aroundMaximum) {
        VarianceComponent component = new VarianceComponent(settings);
        double boundary = (aroundMaximum ? settings.maxVariancePct() : settings.warningVariancePct()) / 100;
        double variance = Math.max(0, boundary + offset);

        assertThat(component.scoreOf(variance + step)).isLessThanOrEqualTo(component.scoreOf(variance));
        assertThat(component.scoreOf(Math.nextUp(variance))).isLessThanOrEqualTo(component.scoreOf(variance));
    }

    @Property
    void scoresWithinZeroToAHundred(@ForAll("settings") TrustSettings settings,
                                    @ForAll @DoubleRange(min = 0, max = 1e6) double platform,
                                    @ForAll @DoubleRange(min = 0, max = 1e6) double analytics) {
        ComponentScore score = new VarianceComponent(settings)
                .score(OptionalDouble.of(platform), OptionalDouble.of(analytics));

        assertThat(score.score()).isBetween(0.0, 100.0);
        assertThat(score.cause().isPresent()).isEqualTo(score.score() < 100.0);
    }

    @Property
    void neverScoresPlatformRevenueFurtherFromAnalyticsHigher(@ForAll("settings") TrustSettings settings,
                                                              @ForAll @DoubleRange(min = 0.01, max = 1e6) double analytics,
                                                              @ForAll @DoubleRange(min = 0, max = 2) double share,
                                                              @ForAll("steps") double step,
                                                              @ForAll boolean above) {
        VarianceComponent component = new VarianceComponent(settings);
        double sign = above ? 1 : -1;
        double nearer = analytics * (1 + sign * share);
        double further = analytics * (1 + sign * (share + step));

        assertThat(component.score(OptionalDouble.of(further), OptionalDouble.of(analytics)).score())
                .isLessThanOrEqualTo(component.score(OptionalDouble.of(nearer), OptionalDouble.of(analytics)).score());
    }

    @Provide
    Arbitrary<TrustSettings> settings() {
        return TrustSettingsArbitraries.valid();
    }

    @Provide
    Arbitrary<Double> steps() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 0.1), Arbitraries.of(0.0, 1e-12, 1e-6));
    }
}
