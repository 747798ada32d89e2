package ai.stratum.server.ml.conversion;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversion training or test rows: encoded sessions ({@link SessionEncoding}) and whether each converted.
 *
 * @param features one encoded row per session
 * @param labels   whether each converted
 */
public record SessionDataset(double[][] features, boolean[] labels) {

    public SessionDataset {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " rows but " + labels.length + " labels");
        }
        for (double[] row : features) {
            if (row.length != SessionEncoding.WIDTH) {
                throw new IllegalArgumentException("a row has " + row.length + " columns, not " + SessionEncoding.WIDTH);
            }
        }
    }

    /** @return how many rows */
    public int rows() {
        return labels.length;
    }

    /** @return how many rows converted */
    public int positives() {
        int positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        return positives;
    }

    /** @return the rows at these indices, in their order */
    public SessionDataset subset(int[] indices) {
        double[][] x = new double[indices.length][];
        boolean[] y = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new SessionDataset(x, y);
    }

    /** @return this dataset's rows followed by the other's */
    public SessionDataset concat(SessionDataset other) {
        double[][] x = new double[rows() + other.rows()][];
        boolean[] y = new boolean[rows() + other.rows()];
        System.arraycopy(features, 0, x, 0, rows());
        System.arraycopy(other.features, 0, x, rows(), other.rows());
        System.arraycopy(labels, 0, y, 0, rows());
        System.arraycopy(other.labels, 0, y, rows(), other.rows());
        return new SessionDataset(x, y);
    }

    /** Collects rows one at a time. */
    public static final class Builder {
        private final List<double[]> features = new ArrayList<>();
        private final List<Boolean> labels = new ArrayList<>();

        public Builder add(SessionFeatures session, boolean converted) {
            return add(SessionEncoding.encode(session), converted);
        }

        Builder add(double[] encoded, boolean converted) {
            features.add(encoded);
            labels.add(converted);
            return this;
        }

        public int rows() {
            return labels.size();
        }

        public SessionDataset build() {
            boolean[] y = new boolean[labels.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels.get(i);
            }
            return new SessionDataset(features.toArray(double[][]::new), y);
        }
    }
}
