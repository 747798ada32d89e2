package ai.stratum.server.signals.health;

import ai.stratum.plugin.api.Platform;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class SignalHealthCalculatorPropertyTest {

    private static final Instant NOW = Instant.parse("2025-03-15T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);

    @Property
    void scoresEveryAccountWithinZeroToAHundred(@ForAll("settings") TrustSettings settings,
                                                @ForAll("snapshots") SignalSnapshot snapshot) {
        SignalHealth health = new SignalHealthCalculator(settings).calculate(snapshot, NOW);

        assertThat(health.overallScore()).isBetween(0.0, 100.0);
        assertThat(List.of(health.emqScore(), health.freshnessScore(), health.varianceScore(), health.anomalyScore()))
                .allSatisfy(component -> assertThat(component).isBetween(0.0, 100.0));
        health.cdpEmqScore().ifPresent(cdp -> assertThat(cdp).isBetween(0.0, 100.0));
        assertThat(health.status()).isEqualTo(HealthStatus.of(health.overallScore(), settings));
    }

    @Property
    void writesOneIssueForEachComponentBelowAHundred(@ForAll("settings") TrustSettings settings,
                                                     @ForAll("snapshots") SignalSnapshot snapshot) {
        SignalHealth health = new SignalHealthCalculator(settings).calculate(snapshot, NOW);

        long below = List.of(health.emqScore(), health.freshnessScore(), health.varianceScore(), health.anomalyScore())
                .stream().filter(score -> score < 100.0).count()
                + (health.cdpEmqScore().isPresent() && health.cdpEmqScore().getAsDouble() < 100.0 ? 1 : 0);
        assertThat(health.issues()).hasSize((int) below)
                .allSatisfy(issue -> assertThat(issue).startsWith(snapshot.accountLabel() + ": "));
    }

    @Property
    void neverScoresLowerWithBetterEmqReadings(@ForAll("settings") TrustSettings settings,
                                               @ForAll("snapshots") SignalSnapshot snapshot,
                                               @ForAll @DoubleRange(min = 0, max = 10) double rise) {
        SignalHealthCalculator calculator = new SignalHealthCalculator(settings);
        SignalSnapshot better = snapshot.withEmqScores(snapshot.emqScores().stream().map(r -> r + rise).toList());

        assertThat(calculator.calculate(better, NOW).overallScore())
                .isGreaterThanOrEqualTo(calculator.calculate(snapshot, NOW).overallScore());
    }

    @Property
    void neverScoresHigherWithOlderData(@ForAll("settings") TrustSettings settings,
                                        @ForAll("snapshots") SignalSnapshot snapshot,
                                        @ForAll @LongRange(min = 0, max = 200_000) long olderBySeconds) {
        Assume.that(snapshot.lastReceivedAt().isPresent());
        SignalHealthCalculator calculator = new SignalHealthCalculator(settings);
        SignalSnapshot older = snapshot.withLastReceivedAt(snapshot.lastReceivedAt().orElseThrow()
                .minusSeconds(olderBySeconds));

        assertThat(calculator.calculate(older, NOW).overallScore())
                .isLessThanOrEqualTo(calculator.calculate(snapshot, NOW).overallScore());
    }

    @Property
    void neverScoresHigherWithALargerRevenueVariance(@ForAll("settings") TrustSettings settings,
                                                     @ForAll("snapshots") SignalSnapshot snapshot,
                                                     @ForAll @DoubleRange(min = 1, max = 1e6) double analytics,
                                                     @ForAll @DoubleRange(min = 0, max = 1) double variance,
                                                     @ForAll @DoubleRange(min = 0, max = 1) double more) {
        SignalHealthCalculator calculator = new SignalHealthCalculator(settings);
        SignalSnapshot closer = snapshot.withRevenue(analytics * (1 + variance), analytics);
        SignalSnapshot further = snapshot.withRevenue(analytics * (1 + variance + more), analytics);

        assertThat(calculator.calculate(further, NOW).overallScore())
                .isLessThanOrEqualTo(calculator.calculate(closer, NOW).overallScore());
    }

    @Property
    void neverScoresLowerWithABetterCdpScore(@ForAll("settings") TrustSettings settings,
                                             @ForAll("snapshots") SignalSnapshot snapshot,
                                             @ForAll @DoubleRange(min = -10, max = 110) double cdp,
                                             @ForAll @DoubleRange(min = 0, max = 100) double rise) {
        SignalHealthCalculator calculator = new SignalHealthCalculator(settings);

        assertThat(calculator.calculate(snapshot.withCdpEmqScore(cdp + rise), NOW).overallScore())
                .isGreaterThanOrEqualTo(calculator.calculate(snapshot.withCdpEmqScore(cdp), NOW).overallScore());
    }

    @Provide
    Arbitrary<TrustSettings> settings() {
        return TrustSettingsArbitraries.valid();
    }

    @Provide
    Arbitrary<SignalSnapshot> snapshots() {
        Arbitrary<List<Double>> emq = Arbitraries.doubles().between(-2, 12).ofScale(2).list().ofMaxSize(4);
        Arbitrary<Optional<Instant>> received = Arbitraries.longs().between(-7_200, 400_000)
                .map(NOW::minusSeconds).optional(0.9);
        Arbitrary<OptionalDouble> revenue = Arbitraries.doubles().between(0, 10_000).ofScale(2)
                .optional(0.8).map(value -> value.map(OptionalDouble::of).orElse(OptionalDouble.empty()));
        Arbitrary<List<DailyMetrics>> history = day().list().ofMaxSize(12);
        Arbitrary<Optional<DailyMetrics>> today = day().optional(0.9);
        Arbitrary<OptionalDouble> cdp = Arbitraries.doubles().between(-20, 120).ofScale(1)
                .optional(0.5).map(value -> value.map(OptionalDouble::of).orElse(OptionalDouble.empty()));
        return Combinators.combine(Arbitraries.of(Platform.class), emq, received, revenue, revenue, today, history, cdp)
                .as((platform, readings, at, platformRevenue, analyticsRevenue, current, days, cdpScore) ->
                        new SignalSnapshot(platform, "act_1", readings, at, platformRevenue, analyticsRevenue, current,
                                days, cdpScore));
    }

    private static Arbitrary<DailyMetrics> day() {
        Arbitrary<Double> metric = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1_000).ofScale(2),
                Arbitraries.of(0.0, 10.0)).injectNull(0.1);
        return Combinators.combine(metric, metric, metric, metric)
                .as((spend, conversions, cpa, roas) -> new DailyMetrics(TODAY, spend, conversions, cpa, roas));
    }
}
