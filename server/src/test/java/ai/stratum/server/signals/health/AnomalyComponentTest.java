package ai.stratum.server.signals.health;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyComponentTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 3, 15);
    /** The history's means; every metric alternates one below and one above, a population deviation of 1. */
    private static final double SPEND = 100;
    private static final double CONVERSIONS = 5;
    private static final double CPA = 20;
    private static final double ROAS = 3;

    private final AnomalyComponent anomaly = new AnomalyComponent(TrustSettings.defaults());

    @ParameterizedTest(name = "{0} days of history score 90")
    @ValueSource(ints = {0, 1, 6})
    void scoresNinetyWithFewerThanSevenDaysOfHistory(int days) {
        ComponentScore score = anomaly.score(Optional.of(today(50, 50, 50, 50)), alternating(days));

        assertThat(score.score()).isEqualTo(90.0);
        assertThat(score.cause()).hasValue("only " + days + " days of history; anomaly detection needs 7");
    }

    @Test
    void judgesSevenDaysOfHistory() {
        List<DailyMetrics> history = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            // spend 0 on six days and 7 on one: mean 1, deviation sqrt(6); the others never vary
            history.add(new DailyMetrics(TODAY.minusDays(i), i == 7 ? 7.0 : 0.0, CONVERSIONS, CPA, ROAS));
        }

        ComponentScore score = anomaly.score(Optional.of(new DailyMetrics(TODAY, 10.0, CONVERSIONS, CPA, ROAS)),
                history);

        assertThat(score.score()).isEqualTo(80.0);
    }

    @ParameterizedTest(name = "spend {0} deviations from its mean scores {1}")
    @CsvSource({
            "0,          100",
            "2.999999,   100",
            // exactly 3 standard deviations is not an anomaly: the seed's test is z > 3.0
            "3,          100",
            "-3,         100",
            "3.000001,   80",
            "-3.000001,  80",
            "900,        80"})
    void flagsAMetricMoreThanThreeStandardDeviationsFromItsMean(double deviations, double expected) {
        ComponentScore score = anomaly.score(Optional.of(today(deviations, 0, 0, 0)), alternating(8));

        assertThat(score.score()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "deviations {0}/{1}/{2}/{3} score {4}")
    @CsvSource({
            "0,    0,    0,    0,    100",
            "3,   -3,    3,   -3,    100",
            "3.5,  0,    0,    0,    80",
            "0,   -4,    0,    0,    80",
            "4,    4,    0,    0,    50",
            "0,    4,    0,   -4,    50",
            "4,    4,    4,    0,    20",
            "4,    4,    4,    4,    20"})
    void scoresTheShareOfAnomalousMetrics(double spend, double conversions, double cpa, double roas,
                                          double expected) {
        ComponentScore score = anomaly.score(Optional.of(today(spend, conversions, cpa, roas)), alternating(8));

        assertThat(score.score()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "an anomaly ratio of {0} scores {1}")
    @CsvSource({
            "0,           100",
            "0.0000001,   80",
            "0.25,        80",
            "0.2500001,   50",
            "0.3333333,   50",
            "0.5,         50",
            "0.5000001,   20",
            "0.75,        20",
            "1,           20"})
    void bucketsTheAnomalyRatio(double ratio, double expected) {
        assertThat(AnomalyComponent.scoreOf(ratio)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "history missing [{0}], anomalous today [{1}]: {2}")
    @CsvSource({
            "'',                          '',                 100",
            "'',                          SPEND,              80",
            "ROAS,                        SPEND,              50",
            "CPA ROAS,                    SPEND,              50",
            "CPA ROAS,                    SPEND CONVERSIONS,  20",
            "CONVERSIONS CPA ROAS,        SPEND,              20",
            "CONVERSIONS CPA ROAS,        '',                 100",
            // no metric can be checked: the seed divided by zero; it is the insufficient-data score
            "SPEND CONVERSIONS CPA ROAS,  SPEND,              90"})
    void dividesByTheMetricsThatCouldBeChecked(String missing, String anomalous, double expected) {
        Set<PerformanceMetric> absent = metrics(missing);
        Set<PerformanceMetric> off = metrics(anomalous);
        List<DailyMetrics> history = alternating(8).stream().map(day -> without(day, absent)).toList();
        DailyMetrics today = today(off.contains(PerformanceMetric.SPEND) ? 4 : 0,
                off.contains(PerformanceMetric.CONVERSIONS) ? 4 : 0, off.contains(PerformanceMetric.CPA) ? 4 : 0,
                off.contains(PerformanceMetric.ROAS) ? 4 : 0);

        assertThat(anomaly.score(Optional.of(today), history).score()).isEqualTo(expected);
    }

    @Test
    void skipsAMetricWithFewerThanSevenKnownValues() {
        List<DailyMetrics> history = new ArrayList<>(alternating(8));
        history.set(0, without(history.get(0), EnumSet.of(PerformanceMetric.CONVERSIONS)));
        history.set(1, without(history.get(1), EnumSet.of(PerformanceMetric.CONVERSIONS)));

        ComponentScore score = anomaly.score(Optional.of(today(0, 100, 0, 0)), history);

        assertThat(score.score()).isEqualTo(100.0);
    }

    @Test
    void countsZerosInTheHistoryAsData() {
        List<DailyMetrics> history = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            // no conversions on half the days: mean 1, deviation 1 (the seed's `if h.get(metric)` dropped the zeros)
            history.add(new DailyMetrics(TODAY.minusDays(i), SPEND, i % 2 == 0 ? 0.0 : 2.0, CPA, ROAS));
        }

        assertThat(anomaly.score(Optional.of(new DailyMetrics(TODAY, SPEND, 4.5, CPA, ROAS)), history).score())
                .isEqualTo(80.0);
        assertThat(anomaly.score(Optional.of(new DailyMetrics(TODAY, SPEND, 0.0, CPA, ROAS)), history).score())
                .isEqualTo(100.0);
    }

    @Test
    void checksAMetricWhoseHistoryIsMostlyZeros() {
        List<DailyMetrics> history = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            // conversions on one day in four; spend alternates 99/101 and is 4 deviations off today
            history.add(new DailyMetrics(TODAY.minusDays(i), SPEND + (i % 2 == 0 ? 1 : -1), i % 4 == 0 ? 1.0 : 0.0,
                    null, null));
        }

        ComponentScore score = anomaly.score(Optional.of(new DailyMetrics(TODAY, SPEND + 4, 0.0, null, null)), history);

        // spend anomalous out of two checked metrics; had the zeros been dropped, conversions would not count
        assertThat(score.score()).isEqualTo(50.0);
    }

    @Test
    void countsAZeroTodayAsData() {
        ComponentScore score = anomaly.score(Optional.of(new DailyMetrics(TODAY, SPEND, 0.0, CPA, ROAS)),
                alternating(8));

        assertThat(score.score()).isEqualTo(80.0);
    }

    @Test
    void neverFlagsAMetricWhoseHistoryDoesNotVary() {
        List<DailyMetrics> history = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            history.add(new DailyMetrics(TODAY.minusDays(i), SPEND, CONVERSIONS, CPA, ROAS));
        }

        ComponentScore score = anomaly.score(Optional.of(new DailyMetrics(TODAY, 1_000_000.0, 0.0, 0.0, 1e9)), history);

        assertThat(score.score()).isEqualTo(100.0);
        assertThat(score.cause()).isEmpty();
    }

    @Test
    void skipsAMetricMissingToday() {
        DailyMetrics today = new DailyMetrics(TODAY, null, CONVERSIONS + 4, CPA, ROAS);

        // spend cannot be checked: one anomaly (conversions) among the three metrics known today
        assertThat(anomaly.score(Optional.of(today), alternating(8)).score()).isEqualTo(50.0);
    }

    @Test
    void scoresNinetyWithoutMetricsForToday() {
        ComponentScore score = anomaly.score(Optional.empty(), alternating(8));

        assertThat(score.score()).isEqualTo(90.0);
        assertThat(score.cause()).hasValue("no metrics for the current day to check for anomalies");
    }

    @Test
    void scoresNinetyWhenNoMetricIsKnownToday() {
        ComponentScore score = anomaly.score(Optional.of(new DailyMetrics(TODAY, null, null, null, null)),
                alternating(8));

        assertThat(score.score()).isEqualTo(90.0);
        assertThat(score.cause()).hasValue("no metrics for the current day to check for anomalies");
    }

    @Test
    void namesEachAnomalousMetricWithItsDeviation() {
        ComponentScore score = anomaly.score(Optional.of(today(3.5, 0, 0, -4)), alternating(8));

        assertThat(score.cause()).hasValue("spend is 3.5 standard deviations from its 8-day mean, "
                + "ROAS is 4.0 standard deviations from its 8-day mean");
    }

    @ParameterizedTest(name = "with a z-score threshold of 2, spend {0} deviations off scores {1}")
    @CsvSource({"2, 100", "2.5, 80"})
    void followsTheConfiguredZScoreThreshold(double deviations, double expected) {
        AnomalyComponent custom = new AnomalyComponent(
                TrustSettings.fromEnvironment(Map.of("TRUST_ANOMALY_ZSCORE_THRESHOLD", "2")));

        assertThat(custom.score(Optional.of(today(deviations, 0, 0, 0)), alternating(8)).score()).isEqualTo(expected);
    }

    /** Days before today, each metric one below its mean on odd days and one above on even days. */
    private static List<DailyMetrics> alternating(int days) {
        List<DailyMetrics> history = new ArrayList<>();
        for (int i = 1; i <= days; i++) {
            double d = i % 2 == 0 ? 1 : -1;
            history.add(new DailyMetrics(TODAY.minusDays(i), SPEND + d, CONVERSIONS + d, CPA + d, ROAS + d));
        }
        return history;
    }

    /** Today, each metric the given number of (unit) deviations from its mean. */
    private static DailyMetrics today(double spend, double conversions, double cpa, double roas) {
        return new DailyMetrics(TODAY, SPEND + spend, CONVERSIONS + conversions, CPA + cpa, ROAS + roas);
    }

    private static DailyMetrics without(DailyMetrics day, Set<PerformanceMetric> missing) {
        return new DailyMetrics(day.date(),
                missing.contains(PerformanceMetric.SPEND) ? null : day.spend(),
                missing.contains(PerformanceMetric.CONVERSIONS) ? null : day.conversions(),
                missing.contains(PerformanceMetric.CPA) ? null : day.cpa(),
                missing.contains(PerformanceMetric.ROAS) ? null : day.roas());
    }

    private static Set<PerformanceMetric> metrics(String spaceSeparated) {
        Set<PerformanceMetric> metrics = EnumSet.noneOf(PerformanceMetric.class);
        if (!spaceSeparated.isBlank()) {
            Arrays.stream(spaceSeparated.trim().split("\\s+")).map(PerformanceMetric::valueOf).forEach(metrics::add);
        }
        return metrics;
    }
}
