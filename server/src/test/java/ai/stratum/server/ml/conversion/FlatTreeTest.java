package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.training.TrainingProgress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.data.Tuple;
import smile.regression.RegressionTree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The flattened trees against Smile's own: the same outputs and the same TreeSHAP values, row for row. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlatTreeTest {

    /** The deepest trees taken, deeper than the seed's, so that paths split on one column more than once. */
    static final ConversionTrainer.Settings DEEP = new ConversionTrainer.Settings(20, FlatTree.MAX_DEPTH, 64, 3, 0.2, 1.0);

    RegressionTree[] smileTrees;
    List<double[]> rows;

    @BeforeAll
    void train() {
        SessionDataset data = SyntheticSessions.generate(11, 4_000).data();
        smileTrees = new ConversionTrainer(DEEP).fit(data, TrainingProgress.NONE).smileModel().trees();
        rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(data.features()[i]);
        }
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            double[] row = data.features()[random.nextInt(data.rows())].clone();
            row[random.nextInt(row.length)] = random.nextDouble(-5, 5_000);
            rows.add(row);
        }
    }

    @Test
    void predictsWhatSmilePredicts() {
        for (RegressionTree smile : smileTrees) {
            FlatTree flat = FlatTree.of(smile);
            for (double[] row : rows) {
                assertThat(flat.predict(row)).isEqualTo(smile.predict(Tuple.of(row, smile.schema())));
            }
        }
    }

    @Test
    void givesSmilesTreeShapValues() {
        int repeatedColumns = 0;
        for (RegressionTree smile : smileTrees) {
            FlatTree flat = FlatTree.of(smile);
            for (double[] row : rows) {
                double[] ours = new double[row.length];
                flat.addShap(row, ours);

                double[] smiles = smile.shap(Tuple.of(row, smile.schema()));
                for (int column = 0; column < row.length; column++) {
                    assertThat(ours[column]).as("column %d", column).isCloseTo(smiles[column], within(1e-12));
                }
            }
            repeatedColumns += pathsSplittingAColumnTwice(smile.root(), new ArrayList<>());
        }
        assertThat(repeatedColumns).as("leaves whose path splits on one column more than once").isPositive();
    }

    private static int pathsSplittingAColumnTwice(Node node, List<Integer> columns) {
        if (!(node instanceof InternalNode split)) {
            return columns.size() > new HashSet<>(columns).size() ? 1 : 0;
        }
        columns.add(split.feature());
        int found = pathsSplittingAColumnTwice(split.trueChild(), columns) + pathsSplittingAColumnTwice(split.falseChild(), columns);
        columns.remove(columns.size() - 1);
        return found;
    }

    @Test
    void aRowExactlyOnASplitGoesWhereSmileSendsIt() {
        RegressionTree smile = smileTrees[0];
        FlatTree flat = FlatTree.of(smile);
        double[] row = rows.get(0).clone();
        for (double value : new double[] {0, 1, 2, 3, 30, 60, 120}) {
            for (int column = 0; column < row.length; column++) {
                double[] onSplit = row.clone();
                onSplit[column] = value;
                assertThat(flat.predict(onSplit)).isEqualTo(smile.predict(Tuple.of(onSplit, smile.schema())));
            }
        }
    }

    @Test
    void treesDeeperThanTheCreditsAreKeptForAreRefusedBeforeTraining() {
        assertThatThrownBy(() -> new ConversionTrainer.Settings(20, FlatTree.MAX_DEPTH + 1, 64, 3, 0.2, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + FlatTree.MAX_DEPTH + " deep");
    }
}
