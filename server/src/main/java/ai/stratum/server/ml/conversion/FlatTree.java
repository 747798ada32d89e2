package ai.stratum.server.ml.conversion;

import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One of Smile's regression trees as flat arrays, walked for a prediction, with its leaves' exact TreeSHAP
 * credits worked out when the model is loaded ({@link LeafShap}).
 *
 * <p>Smile's own {@code CART.shap} computes the same values ({@code FlatTreeTest} holds the two to each
 * other) by the recursive algorithm, whose quadratic path weights per leaf, with their divisions, were
 * nearly all of a {@code predictConversion}'s model time.
 */
final class FlatTree {

    /** The deepest tree taken: a leaf's credits take {@code 2^k k} numbers for {@code k} columns on its path. */
    static final int MAX_DEPTH = 6;
    private static final int LEAF = -1;

    /** The column an internal node splits on, or {@link #LEAF}. */
    private final int[] feature;
    /** An internal node sends a row to {@link #whenAtMost} when its column is at most this. */
    private final double[] threshold;
    private final int[] whenAtMost;
    private final int[] otherwise;
    private final double[] output;
    private final List<LeafShap> leaves;
    private final double expectedOutput;

    private FlatTree(int[] feature, double[] threshold, int[] whenAtMost, int[] otherwise, double[] output, List<LeafShap> leaves,
                     double expectedOutput) {
        this.feature = feature;
        this.threshold = threshold;
        this.whenAtMost = whenAtMost;
        this.otherwise = otherwise;
        this.output = output;
        this.leaves = leaves;
        this.expectedOutput = expectedOutput;
    }

    /**
     * @throws IllegalArgumentException when the tree is deeper than {@link #MAX_DEPTH} or splits other than
     *                                  on an ordered column, which the conversion model's all-numeric
     *                                  columns never make
     */
    static FlatTree of(RegressionTree tree) {
        Builder builder = new Builder(tree.schema());
        builder.add(tree.root(), 0);
        return builder.build();
    }

    /**
     * The value an ordinal split compares its column with. Smile keeps it to itself, but its branch test
     * ({@code x <= value}) is public, so the value is the largest double the test sends to the true side:
     * found exactly by a binary search over the doubles in order, 64 tests at most, once per node when a
     * model is loaded.
     */
    private static double splitValue(OrdinalNode split, StructType schema) {
        double[] row = new double[schema.length()];
        long low = orderedBits(Double.NEGATIVE_INFINITY);
        long high = orderedBits(Double.POSITIVE_INFINITY);
        if (!atMost(split, schema, row, Double.NEGATIVE_INFINITY)) {
            return Double.NaN; // nothing is at most NaN: every row goes the other way, as in Smile
        }
        while (low < high) {
            long span = high - low; // the two ends lie 2^63 apart and more: the span is read unsigned
            long middle = low + (span >>> 1) + (span & 1);
            if (atMost(split, schema, row, fromOrderedBits(middle))) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return fromOrderedBits(low);
    }

    private static boolean atMost(OrdinalNode split, StructType schema, double[] row, double value) {
        row[split.feature()] = value;
        return split.branch(Tuple.of(row, schema));
    }

    /** Doubles (NaN aside) as longs in the same order. */
    private static long orderedBits(double value) {
        long bits = Double.doubleToLongBits(value);
        return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
    }

    private static double fromOrderedBits(long ordered) {
        return Double.longBitsToDouble(ordered >= 0 ? ordered : ordered ^ Long.MAX_VALUE);
    }

    /** @return the tree's output for an encoded row */
    double predict(double[] row) {
        int node = 0;
        while (feature[node] != LEAF) {
            node = row[feature[node]] <= threshold[node] ? whenAtMost[node] : otherwise[node];
        }
        return output[node];
    }

    /**
     * @return the tree's mean output weighted as TreeSHAP weights its branches, by the training rows down
     *         each: what its SHAP values start from
     */
    double expectedOutput() {
        return expectedOutput;
    }

    /** Adds the row's TreeSHAP value of each column to {@code phi}. */
    void addShap(double[] row, double[] phi) {
        for (LeafShap leaf : leaves) {
            leaf.add(row, phi);
        }
    }

    /**
     * One leaf's share of every row's TreeSHAP values, worked out in advance (the idea of Yang's "Fast
     * TreeSHAP", 2021). TreeSHAP credits a leaf's output to the distinct columns split on along its path;
     * each column enters with the share of training rows that followed the path's splits on it (fixed
     * per tree) and with whether the row follows them all (0 or 1). So a leaf's credit to its columns
     * depends on the row only through which of them the row follows: one of {@code 2^k} patterns for
     * {@code k} columns, each worked out once with the algorithm's own path weights. A row then costs, per
     * leaf, a comparison per split on its path and an addition per column, instead of the algorithm's
     * quadratic weights.
     */
    private record LeafShap(int[] columns, int[] conditionColumn, double[] conditionThreshold, boolean[] conditionAtMost,
                            int[] conditionEntry, double[][] credit) {

        void add(double[] row, double[] phi) {
            int followed = (1 << columns.length) - 1;
            for (int c = 0; c < conditionColumn.length; c++) {
                if (row[conditionColumn[c]] <= conditionThreshold[c] != conditionAtMost[c]) {
                    followed &= ~(1 << conditionEntry[c]);
                }
            }
            double[] credits = credit[followed];
            for (int k = 0; k < columns.length; k++) {
                phi[columns[k]] += credits[k];
            }
        }

        /**
         * @param columns   the distinct columns split on above the leaf
         * @param fractions for each, the share of training rows that followed all the path's splits on it
         */
        static double[][] credit(int[] columns, double[] fractions, double output) {
            int k = columns.length;
            double[][] credit = new double[1 << k][k];
            Path path = new Path(k + 1);
            for (int followed = 0; followed < 1 << k; followed++) {
                path.clear();
                path.extend(1, 1);
                for (int entry = 0; entry < k; entry++) {
                    path.extend(fractions[entry], (followed >> entry & 1) == 1 ? 1 : 0);
                }
                for (int entry = 0; entry < k; entry++) {
                    int i = entry + 1;
                    credit[followed][entry] = path.unwoundSum(i) * (path.o[i] - path.z[i]) * output;
                }
            }
            return credit;
        }
    }

    /**
     * The path weights of TreeSHAP (Lundberg, Erion and Lee, 2018, algorithm 2) as Smile's {@code CART}
     * computes them: for each subset size, the share of orderings in which the path's entries before it
     * are present.
     */
    private static final class Path {
        private final double[] z;
        private final double[] o;
        private final double[] w;
        private int length;

        Path(int capacity) {
            z = new double[capacity];
            o = new double[capacity];
            w = new double[capacity];
        }

        void clear() {
            length = 0;
        }

        void extend(double zeroFraction, double oneFraction) {
            int l = length;
            z[l] = zeroFraction;
            o[l] = oneFraction;
            w[l] = l == 0 ? 1 : 0;
            for (int i = l - 1; i >= 0; i--) {
                w[i + 1] += oneFraction * w[i] * (i + 1) / (l + 1);
                w[i] = zeroFraction * w[i] * (l - i) / (l + 1);
            }
            length = l + 1;
        }

        /** The total permutation weight of the path were entry {@code i} taken out of it. */
        double unwoundSum(int i) {
            double one = o[i];
            double zero = z[i];
            int l = length - 1;
            double sum = 0;
            double n = w[l];
            if (one != 0) {
                for (int j = l - 1; j >= 0; j--) {
                    double t = n / ((j + 1) * one);
                    sum += t;
                    n = w[j] - t * zero * (l - j);
                }
            } else {
                for (int j = l - 1; j >= 0; j--) {
                    sum += w[j] / (zero * (l - j));
                }
            }
            return sum * (l + 1);
        }
    }

    /** Numbers the nodes in depth-first order, a node's children after it. */
    private static final class Builder {
        private final StructType schema;
        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] whenAtMost = new int[64];
        private int[] otherwise = new int[64];
        private double[] size = new double[64];
        private double[] output = new double[64];
        private int count;

        Builder(StructType schema) {
            this.schema = schema;
        }

        int add(Node node, int level) {
            if (level > MAX_DEPTH) {
                throw new IllegalArgumentException("a conversion tree deeper than " + MAX_DEPTH + " splits");
            }
            int index = count++;
            grow();
            if (node instanceof InternalNode split) {
                if (!(split instanceof OrdinalNode ordinal)) {
                    throw new IllegalArgumentException("a conversion tree splits on an unordered column: " + split.getClass().getSimpleName());
                }
                // the children first: adding them may replace the arrays
                int atMost = add(ordinal.trueChild(), level + 1);
                int other = add(ordinal.falseChild(), level + 1);
                feature[index] = ordinal.feature();
                threshold[index] = splitValue(ordinal, schema);
                whenAtMost[index] = atMost;
                otherwise[index] = other;
            } else {
                feature[index] = LEAF;
                output[index] = ((RegressionNode) node).output();
            }
            size[index] = node.size();
            return index;
        }

        private void grow() {
            if (count > feature.length) {
                int capacity = feature.length * 2;
                feature = Arrays.copyOf(feature, capacity);
                threshold = Arrays.copyOf(threshold, capacity);
                whenAtMost = Arrays.copyOf(whenAtMost, capacity);
                otherwise = Arrays.copyOf(otherwise, capacity);
                size = Arrays.copyOf(size, capacity);
                output = Arrays.copyOf(output, capacity);
            }
        }

        FlatTree build() {
            List<LeafShap> leaves = new ArrayList<>();
            collectLeaves(0, new ArrayList<>(), leaves);
            return new FlatTree(Arrays.copyOf(feature, count), Arrays.copyOf(threshold, count), Arrays.copyOf(whenAtMost, count),
                    Arrays.copyOf(otherwise, count), Arrays.copyOf(output, count), List.copyOf(leaves), expectedOutput(0));
        }

        private double expectedOutput(int node) {
            if (feature[node] == LEAF) {
                return output[node];
            }
            double atMostSize = size[whenAtMost[node]];
            double otherSize = size[otherwise[node]];
            return (atMostSize * expectedOutput(whenAtMost[node]) + otherSize * expectedOutput(otherwise[node])) / (atMostSize + otherSize);
        }

        /** @param path the splits above {@code node}: each as its node, negated when the row went the other way */
        private void collectLeaves(int node, List<Integer> path, List<LeafShap> leaves) {
            if (feature[node] != LEAF) {
                path.add(node);
                collectLeaves(whenAtMost[node], path, leaves);
                path.set(path.size() - 1, -node - 1);
                collectLeaves(otherwise[node], path, leaves);
                path.remove(path.size() - 1);
                return;
            }
            List<Integer> columns = new ArrayList<>();
            List<Double> fractions = new ArrayList<>();
            int splits = path.size();
            int[] conditionColumn = new int[splits];
            double[] conditionThreshold = new double[splits];
            boolean[] conditionAtMost = new boolean[splits];
            int[] conditionEntry = new int[splits];
            for (int c = 0; c < splits; c++) {
                boolean atMost = path.get(c) >= 0;
                int split = atMost ? path.get(c) : -path.get(c) - 1;
                int child = atMost ? whenAtMost[split] : otherwise[split];
                int entry = columns.indexOf(feature[split]);
                if (entry < 0) {
                    entry = columns.size();
                    columns.add(feature[split]);
                    fractions.add(1.0);
                }
                fractions.set(entry, fractions.get(entry) * size[child] / size[split]);
                conditionColumn[c] = feature[split];
                conditionThreshold[c] = threshold[split];
                conditionAtMost[c] = atMost;
                conditionEntry[c] = entry;
            }
            int[] columnArray = columns.stream().mapToInt(Integer::intValue).toArray();
            leaves.add(new LeafShap(columnArray, conditionColumn, conditionThreshold, conditionAtMost, conditionEntry,
                    LeafShap.credit(columnArray, fractions.stream().mapToDouble(Double::doubleValue).toArray(), output[node])));
        }
    }
}
