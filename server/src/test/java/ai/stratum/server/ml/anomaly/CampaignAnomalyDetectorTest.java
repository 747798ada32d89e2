package ai.stratum.server.ml.anomaly;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class CampaignAnomalyDetectorTest {

    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final int DAYS = 60;
    private static final LocalDate LAST = START.plusDays(DAYS - 1);

    private final CampaignAnomalyDetector detector = new CampaignAnomalyDetector(3.0, CampaignAnomalyDetector.DEFAULT_FOREST_THRESHOLD);

    @Test
    void findsNothingOutOfTheOrdinaryInAnOrdinaryCampaign() {
        List<CampaignDay> days = campaign(new SplittableRandom(1), day -> null);

        List<Anomaly> found = detector.detect(days, LAST.minusDays(13), 1);

        // five metrics a day at z > 3 on two weeks of noise: an occasional borderline z-score, never the forest
        assertThat(found).allSatisfy(anomaly -> {
            assertThat(anomaly.method()).isEqualTo(AnomalyMethod.Z_SCORE);
            assertThat(anomaly.score()).isLessThan(3.5);
        });
    }

    @Test
    void reportsARunawaySpendDayByBothMethods() {
        List<CampaignDay> days = campaign(new SplittableRandom(2), day -> day == DAYS - 2
                ? new CampaignDay(START.plusDays(day), 3000, 2000, 20, 300_000, 6_000) : null);

        List<Anomaly> found = detector.detect(days, LAST.minusDays(6), 2);

        assertThat(found).extracting(Anomaly::date).containsOnly(LAST.minusDays(1));
        Anomaly spend = found.stream().filter(a -> a.method() == AnomalyMethod.Z_SCORE && a.metric() == AnomalyMetric.SPEND)
                .findFirst().orElseThrow();
        assertThat(spend.value()).isEqualTo(3000);
        assertThat(spend.expected()).isCloseTo(1000, within(30.0));
        assertThat(spend.score()).isGreaterThan(3);
        Anomaly forest = found.stream().filter(a -> a.method() == AnomalyMethod.ISOLATION_FOREST).findFirst().orElseThrow();
        assertThat(forest.score()).isGreaterThanOrEqualTo(CampaignAnomalyDetector.DEFAULT_FOREST_THRESHOLD).isLessThanOrEqualTo(1);
        assertThat(forest.metric()).isIn(AnomalyMetric.SPEND, AnomalyMetric.CPA);
    }

    @Test
    void reportsLostConversionTrackingAsNoConversionsAndSkipsTheUndefinedCpa() {
        List<CampaignDay> days = campaign(new SplittableRandom(3), day -> day == DAYS - 1
                ? new CampaignDay(START.plusDays(day), 1000, 0, 0, 100_000, 2_000) : null);

        List<Anomaly> found = detector.detect(days, LAST, 3);

        assertThat(found).filteredOn(a -> a.method() == AnomalyMethod.Z_SCORE).extracting(Anomaly::metric)
                .contains(AnomalyMetric.CONVERSIONS, AnomalyMetric.ROAS)
                .doesNotContain(AnomalyMetric.CPA);
        assertThat(found).filteredOn(a -> a.method() == AnomalyMethod.ISOLATION_FOREST).hasSize(1);
    }

    @Test
    void judgesOnlyDaysFromTheFirstScannedDay() {
        List<CampaignDay> days = campaign(new SplittableRandom(4), day -> day == 40
                ? new CampaignDay(START.plusDays(day), 5000, 2000, 20, 500_000, 10_000) : null);

        assertThat(detector.detect(days, START.plusDays(41), 4)).isEmpty();
        assertThat(detector.detect(days, START.plusDays(40), 4)).isNotEmpty();
    }

    @Test
    void judgesNoDayTheCampaignDidNotRun() {
        List<CampaignDay> days = campaign(new SplittableRandom(5), day -> day == DAYS - 1
                ? new CampaignDay(START.plusDays(day), 0, 0, 0, 0, 0) : null);

        assertThat(detector.detect(days, LAST, 5)).isEmpty();
    }

    @Test
    void needsTwentyEightDeliveredDaysForTheForestAndSevenForZScores() {
        List<CampaignDay> all = campaign(new SplittableRandom(6), day -> day == DAYS - 1
                ? new CampaignDay(START.plusDays(day), 4000, 0, 0, 400_000, 100) : null);

        List<Anomaly> withTwentySeven = detector.detect(all.subList(DAYS - 27, DAYS), LAST, 6);
        List<Anomaly> withSeven = detector.detect(all.subList(DAYS - 7, DAYS), LAST, 6);

        assertThat(withTwentySeven).isNotEmpty().allMatch(a -> a.method() == AnomalyMethod.Z_SCORE);
        assertThat(withSeven).isEmpty();
        assertThat(detector.detect(all.subList(DAYS - 28, DAYS), LAST, 6)).anyMatch(a -> a.method() == AnomalyMethod.ISOLATION_FOREST);
    }

    @Test
    void findsNothingInACampaignThatNeverVaries() {
        List<CampaignDay> days = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            days.add(new CampaignDay(START.plusDays(day), 100, 300, 3, 10_000, 100));
        }

        assertThat(detector.detect(days, START, 7)).isEmpty();
    }

    @Test
    void growsTheSameForestFromTheSameSeed() {
        List<CampaignDay> days = campaign(new SplittableRandom(8), day -> day == DAYS - 3
                ? new CampaignDay(START.plusDays(day), 2500, 500, 5, 250_000, 1_000) : null);

        Map<LocalDate, Double> first = CampaignAnomalyDetector.forestScores(days, LAST.minusDays(13), 8).byDate();
        Map<LocalDate, Double> second = CampaignAnomalyDetector.forestScores(days, LAST.minusDays(13), 8).byDate();

        assertThat(first).hasSize(14).containsOnlyKeys(second.keySet());
        assertThat(second).isEqualTo(first);
        assertThat(CampaignAnomalyDetector.forestScores(days, LAST.minusDays(13), 9).byDate()).isNotEqualTo(first);
    }

    @Test
    void refusesDaysOutOfOrder() {
        List<CampaignDay> days = new ArrayList<>(campaign(new SplittableRandom(9), day -> null));
        days.set(10, days.get(9));

        assertThatIllegalArgumentException().isThrownBy(() -> detector.detect(days, LAST, 9)).withMessageContaining("date order");
    }

    @ParameterizedTest(name = "z {0}, forest {1} are refused")
    @CsvSource({"0, 0.66", "-1, 0.66", "3, 0.5", "3, 1", "3, NaN", "NaN, 0.66"})
    void refusesThresholdsOutsideTheirRanges(double z, double forest) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CampaignAnomalyDetector(z, forest));
    }

    @Test
    void refusesNegativeAmounts() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CampaignDay(START, -1, 0, 0, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new CampaignDay(START, 1, Double.NaN, 0, 0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new CampaignDay(START, 1, 0, 0, -5, 0));
    }

    @ParameterizedTest(name = "{0} of spend {1}, revenue {2}, conversions {3}, impressions {4}, clicks {5} is {6}")
    @CsvSource({
            "SPEND,       100, 300, 4, 1000, 20, 100",
            "CONVERSIONS, 100, 300, 4, 1000, 20, 4",
            "CPA,         100, 300, 4, 1000, 20, 25",
            "CPA,         100, 0,   0, 1000, 20, NaN",
            "ROAS,        100, 300, 4, 1000, 20, 3",
            "ROAS,        0,   0,   0, 1000, 20, NaN",
            "CTR,         100, 300, 4, 1000, 20, 0.02",
            "CTR,         100, 300, 4, 0,    0,  NaN",
    })
    void definesEachMetricAndWhereItIsMissing(AnomalyMetric metric, double spend, double revenue, double conversions,
                                              long impressions, long clicks, double expected) {
        assertThat(metric.of(new CampaignDay(START, spend, revenue, conversions, impressions, clicks)))
                .isEqualTo(expected, within(1e-12));
    }

    /** A steady campaign: about 1,000 a day with 7 % noise, 20 conversions, 2 % CTR; {@code override} replaces days. */
    private static List<CampaignDay> campaign(SplittableRandom random, IntFunction<CampaignDay> override) {
        List<CampaignDay> days = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            CampaignDay replaced = override.apply(day);
            if (replaced != null) {
                days.add(replaced);
                continue;
            }
            double spend = 1000 * (1 + 0.07 * random.nextGaussian());
            double conversions = Math.max(0, Math.round(20 * (1 + 0.15 * random.nextGaussian())));
            long impressions = Math.round(spend * 100);
            long clicks = Math.round(impressions * 0.02 * (1 + 0.08 * random.nextGaussian()));
            days.add(new CampaignDay(START.plusDays(day), spend, conversions * 150 * (1 + 0.05 * random.nextGaussian()), conversions,
                    impressions, clicks));
        }
        return days;
    }
}
