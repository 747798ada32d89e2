package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CampaignHistoryFeaturesTest {

    static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
    static final LocalDate DAY_40 = FIRST.plusDays(40);

    /**
     * 41 days at 100 a day. Revenue 300 a day, 400 on days 33-39 and 500 on day 40; impressions 9,000 a day,
     * 8,000 on days 26-32 and 10,000 on days 33-39, with 200 clicks and 10 conversions a day on days 33-39.
     */
    static CampaignHistory history() {
        List<CampaignDay> days = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            double revenue = i == 40 ? 500 : i >= 33 ? 400 : 300;
            long impressions = i >= 33 && i <= 39 ? 10_000 : i >= 26 && i <= 32 ? 8_000 : 9_000;
            long clicks = i >= 33 ? 200 : 150;
            double conversions = i >= 33 ? 10 : 6;
            days.add(new CampaignDay(FIRST.plusDays(i), 100, revenue, impressions, clicks, conversions));
        }
        return new CampaignHistory(Platform.GOOGLE, "c1", days);
    }

    /**
     * Day 40 from days 10-39: 7-day ROAS 2,800 / 700 = 4; 30-day ROAS (23 × 300 + 7 × 400) / 3,000 = 3.2333;
     * spend velocity 700 / 7 = 100; CTR 1,400 / 70,000 = 0.02; conversion rate 70 / 1,400 = 0.05;
     * impressions growth 70,000 / 56,000 - 1 = 0.25; label 500 / 100 = 5.
     */
    @Test
    void derivesTheSeedsFeaturesFromTheThirtyDaysBefore() {
        RoasDataset.Builder rows = new RoasDataset.Builder();

        int added = CampaignHistoryFeatures.addRows(history(), DAY_40.plusDays(1), CampaignFacts.UNKNOWN, rows);

        RoasDataset data = rows.build();
        assertThat(added).isEqualTo(11); // days 30-40 each have 30 days before them
        float[] last = java.util.Arrays.copyOfRange(data.features(), 10 * RoasEncoding.WIDTH, 11 * RoasEncoding.WIDTH);
        assertThat(last[0]).isCloseTo(4f, within(1e-5f));
        assertThat(last[1]).isCloseTo(3.2333333f, within(1e-5f));
        assertThat(last[2]).isCloseTo(100f, within(1e-5f));
        assertThat(last[3]).isCloseTo(0.02f, within(1e-7f));
        assertThat(last[4]).isCloseTo(0.05f, within(1e-7f));
        assertThat(last[5]).isCloseTo(0.25f, within(1e-6f));
        assertThat(java.util.Arrays.copyOfRange(last, 6, 12)).containsExactly(0, 1, 0, 0, RoasFeatures.weekday(DAY_40), 4);
        assertThat(last[12]).isNaN();
        assertThat(last[13]).isNaN();
        assertThat(data.labels()[10]).isEqualTo(5f);
    }

    @Test
    void leavesOutDaysWhoseConversionsAreStillArriving() {
        RoasDataset.Builder rows = new RoasDataset.Builder();

        int added = CampaignHistoryFeatures.addRows(history(), DAY_40.minusDays(2), CampaignFacts.UNKNOWN, rows);

        assertThat(added).isEqualTo(8); // days 30-37
    }

    @Test
    void aDayWithoutSpendIsNoRowAndAMissingDayCountsAsNoDelivery() {
        List<CampaignDay> days = new ArrayList<>(history().days());
        days.set(40, new CampaignDay(DAY_40, 0, 0, 0, 0, 0));
        days.remove(39);
        CampaignHistory history = new CampaignHistory(Platform.META, "c2", days);

        RoasDataset.Builder rows = new RoasDataset.Builder();
        int added = CampaignHistoryFeatures.addRows(history, DAY_40.plusDays(1), CampaignFacts.UNKNOWN, rows);

        assertThat(added).isEqualTo(9); // day 39 has no row, day 40 no spend
        RoasFeatures features = CampaignHistoryFeatures.featuresFor(history, DAY_40).orElseThrow();
        assertThat(features.historicalRoas7d()).isCloseTo(2_400.0 / 600, within(1e-5));
        assertThat(features.spendVelocity()).isCloseTo(600.0 / 7, within(1e-4));
    }

    @Test
    void aCampaignYoungerThanThirtyDaysGivesNoRows() {
        CampaignHistory young = new CampaignHistory(Platform.META, "c3", history().days().subList(11, 41));

        assertThat(CampaignHistoryFeatures.addRows(young, DAY_40.plusDays(1), CampaignFacts.UNKNOWN,
                new RoasDataset.Builder())).isZero();
        assertThat(CampaignHistoryFeatures.featuresFor(young, DAY_40)).isEmpty();
    }

    @Test
    void knownFactsFillTheTwoColumnsTheDailyRowsLack() {
        CampaignFacts facts = new CampaignFacts() {
            @Override
            public double audienceSize() {
                return 50_000;
            }

            @Override
            public double creativeFatigueScore(LocalDate date) {
                return date.equals(DAY_40) ? 64 : 10;
            }
        };
        RoasDataset.Builder rows = new RoasDataset.Builder();

        CampaignHistoryFeatures.addRows(history(), DAY_40.plusDays(1), facts, rows);

        float[] features = rows.build().features();
        assertThat(features[10 * RoasEncoding.WIDTH + 12]).isEqualTo(50_000f);
        assertThat(features[10 * RoasEncoding.WIDTH + 13]).isEqualTo(64f);
        assertThat(features[13]).isEqualTo(10f);
    }
}
