package ai.stratum.server.ml.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HoldoutSplitTest {

    /** scikit-learn's test size is ceil(0.2 n). */
    @ParameterizedTest
    @CsvSource({"2, 1", "5, 1", "6, 2", "10, 2", "11, 3", "100, 20", "12330, 2466"})
    void holdsOutTwentyPercentRoundedUp(int rows, int testRows) {
        HoldoutSplit split = HoldoutSplit.seeded(rows);

        assertThat(split.test()).hasSize(testRows);
        assertThat(split.train()).hasSize(rows - testRows);
    }

    @Test
    void everyRowIsOnExactlyOneSide() {
        HoldoutSplit split = HoldoutSplit.seeded(1000);

        assertThat(IntStream.concat(IntStream.of(split.train()), IntStream.of(split.test())).sorted().toArray())
                .isEqualTo(IntStream.range(0, 1000).toArray());
        assertThat(split.train()).isSorted();
        assertThat(split.test()).isSorted();
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        assertThat(HoldoutSplit.seeded(500).test()).isEqualTo(HoldoutSplit.seeded(500).test());
        assertThat(HoldoutSplit.of(500, 0.2, 7).test()).isNotEqualTo(HoldoutSplit.seeded(500).test());
    }

    @Test
    void testRowsAreSpreadOverTheData() {
        HoldoutSplit split = HoldoutSplit.seeded(10_000);

        long firstHalf = IntStream.of(split.test()).filter(i -> i < 5_000).count();
        assertThat(firstHalf).isBetween(900L, 1_100L);
    }
}
