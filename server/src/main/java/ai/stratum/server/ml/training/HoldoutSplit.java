package ai.stratum.server.ml.training;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seed 001's {@code train_test_split(test_size=0.2, random_state=42)}: the rows shuffled with a fixed
 * seed, the first 20 % (rounded up, as scikit-learn does) held out for testing. The same rows and seed
 * give the same split on every run and machine; the shuffle is this class's own, so the rows chosen are
 * not scikit-learn's.
 *
 * @param train indices of the training rows, ascending
 * @param test  indices of the test rows, ascending
 */
public record HoldoutSplit(int[] train, int[] test) {

    /** The seed's {@code random_state}. */
    public static final long SEED = 42;
    /** The seed's {@code test_size}. */
    public static final double TEST_SHARE = 0.2;

    /**
     * @param rows      how many rows there are, at least 2
     * @param testShare the share to hold out, between 0 and 1 exclusive
     * @param seed      the shuffle's seed
     * @return the split, each side non-empty
     */
    public static HoldoutSplit of(int rows, double testShare, long seed) {
        if (rows < 2 || !(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("need at least 2 rows and a share in (0, 1): " + rows + ", " + testShare);
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int testRows = Math.min(rows - 1, (int) Math.ceil(rows * testShare));
        int[] test = Arrays.copyOfRange(order, 0, testRows);
        int[] train = Arrays.copyOfRange(order, testRows, rows);
        Arrays.sort(test);
        Arrays.sort(train);
        return new HoldoutSplit(train, test);
    }

    /** @return the seed's 80/20 split with {@code random_state=42} */
    public static HoldoutSplit seeded(int rows) {
        return of(rows, TEST_SHARE, SEED);
    }
}
