package ai.stratum.server.ml.roas;

import java.util.Arrays;

/**
 * ROAS training or test rows: encoded features ({@link RoasEncoding}, row after row) and each row's
 * actual ROAS.
 *
 * @param features {@code rows × RoasEncoding.WIDTH} values, row-major
 * @param labels   the actual ROAS of each row
 */
public record RoasDataset(float[] features, float[] labels) {

    public RoasDataset {
        if (features.length != labels.length * RoasEncoding.WIDTH) {
            throw new IllegalArgumentException(features.length + " feature values do not make " + labels.length
                    + " rows of " + RoasEncoding.WIDTH);
        }
    }

    /** @return how many rows */
    public int rows() {
        return labels.length;
    }

    /** @return the rows at these indices, in their order */
    public RoasDataset subset(int[] indices) {
        float[] x = new float[indices.length * RoasEncoding.WIDTH];
        float[] y = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * RoasEncoding.WIDTH, x, i * RoasEncoding.WIDTH, RoasEncoding.WIDTH);
            y[i] = labels[indices[i]];
        }
        return new RoasDataset(x, y);
    }

    /** @return the labels widened to doubles */
    public double[] labelValues() {
        double[] values = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return values;
    }

    /** @return this dataset's rows followed by the other's */
    public RoasDataset concat(RoasDataset other) {
        float[] x = Arrays.copyOf(features, features.length + other.features.length);
        System.arraycopy(other.features, 0, x, features.length, other.features.length);
        float[] y = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, y, labels.length, other.labels.length);
        return new RoasDataset(x, y);
    }

    /** Collects rows one at a time. */
    public static final class Builder {
        private float[] features = new float[64 * RoasEncoding.WIDTH];
        private float[] labels = new float[64];
        private int rows;

        /** Adds a row from a campaign's features. */
        public Builder add(RoasFeatures row, double roas) {
            RoasEncoding.encode(row, slot(), rows * RoasEncoding.WIDTH);
            labels[rows++] = (float) roas;
            return this;
        }

        /** Adds an already encoded row. */
        Builder add(float[] encoded, double roas) {
            System.arraycopy(encoded, 0, slot(), rows * RoasEncoding.WIDTH, RoasEncoding.WIDTH);
            labels[rows++] = (float) roas;
            return this;
        }

        private float[] slot() {
            if (rows == labels.length) {
                labels = Arrays.copyOf(labels, rows * 2);
                features = Arrays.copyOf(features, rows * 2 * RoasEncoding.WIDTH);
            }
            return features;
        }

        /** @return how many rows so far */
        public int rows() {
            return rows;
        }

        public RoasDataset build() {
            return new RoasDataset(Arrays.copyOf(features, rows * RoasEncoding.WIDTH), Arrays.copyOf(labels, rows));
        }
    }
}
