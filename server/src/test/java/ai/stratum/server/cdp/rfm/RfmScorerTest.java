package ai.stratum.server.cdp.rfm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RfmScorerTest {

    @ParameterizedTest(name = "{0} of {1} below scores {2}")
    @CsvSource({
            "0, 10, 1", "1, 10, 1", "2, 10, 2", "3, 10, 2", "4, 10, 3", "5, 10, 3", "6, 10, 4", "7, 10, 4", "8, 10, 5", "9, 10, 5",
            "0, 1, 1", "0, 5, 1", "1, 5, 2", "4, 5, 5", "19, 100, 1", "20, 100, 2", "79, 100, 4", "80, 100, 5", "99, 100, 5",
            "1, 3, 2", "2, 3, 4"})
    void quintileIsOnePlusFiveTimesTheShareBelow(int below, int n, int score) {
        assertThat(RfmScorer.quintile(below, n)).isEqualTo(score);
    }

    @ParameterizedTest(name = "R{0} F{1} M{2} is {3}")
    @CsvSource({
            "5, 5, 5, CHAMPIONS", "5, 4, 4, CHAMPIONS", "5, 4, 3, CHAMPIONS", "5, 3, 3, POTENTIAL_LOYALISTS", "5, 1, 2, POTENTIAL_LOYALISTS",
            "5, 1, 1, NEW_CUSTOMERS", "4, 1, 1, PROMISING", "4, 2, 2, POTENTIAL_LOYALISTS", "4, 4, 4, LOYAL_CUSTOMERS",
            "3, 5, 5, LOYAL_CUSTOMERS", "3, 3, 3, NEED_ATTENTION", "3, 2, 3, NEED_ATTENTION", "3, 2, 2, ABOUT_TO_SLEEP",
            "3, 1, 1, ABOUT_TO_SLEEP", "2, 5, 5, CANNOT_LOSE_THEM", "1, 5, 4, CANNOT_LOSE_THEM", "2, 4, 4, AT_RISK",
            "1, 3, 3, AT_RISK", "2, 2, 2, HIBERNATING", "2, 1, 1, HIBERNATING", "1, 2, 1, HIBERNATING", "1, 1, 1, LOST"})
    void mapsScoresToTheStandardGroups(int recency, int frequency, int monetary, RfmGroup group) {
        assertThat(RfmGroups.of(recency, frequency, monetary)).isEqualTo(group);
    }

    @Test
    void refusesScoresOutsideOneToFive() {
        assertThatThrownBy(() -> RfmGroups.of(0, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmGroups.of(3, 6, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoresTenCustomersIntoQuintilesWithTiesScoringAlike() {
        Instant day = Instant.parse("2026-11-01T00:00:00Z");
        List<RfmScorer.Customer> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // customer i ordered last i days after the first, i + 1 times, for (i + 1) × 10 in revenue;
            // customers 8 and 9 tie on every measure
            int k = Math.min(i, 8);
            customers.add(new RfmScorer.Customer(new UUID(0, i), day.plusSeconds(86_400L * k), k + 1, (k + 1) * 10_000_000L));
        }

        List<RfmScorer.Scores> scores = RfmScorer.score(customers);

        assertThat(scores).extracting(RfmScorer.Scores::recency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(scores).extracting(RfmScorer.Scores::frequency).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(scores).extracting(RfmScorer.Scores::group).containsExactly(RfmGroup.LOST, RfmGroup.LOST,
                RfmGroup.HIBERNATING, RfmGroup.HIBERNATING, RfmGroup.NEED_ATTENTION, RfmGroup.NEED_ATTENTION,
                RfmGroup.LOYAL_CUSTOMERS, RfmGroup.LOYAL_CUSTOMERS, RfmGroup.CHAMPIONS, RfmGroup.CHAMPIONS);
    }

    @Test
    void everyoneTiedScoresOne() {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        List<RfmScorer.Scores> scores = RfmScorer.score(List.of(new RfmScorer.Customer(new UUID(0, 1), at, 1, 5),
                new RfmScorer.Customer(new UUID(0, 2), at, 1, 5)));

        assertThat(scores).allSatisfy(s -> assertThat(List.of(s.recency(), s.frequency(), s.monetary())).containsOnly(1));
    }
}
