package ai.stratum.server.cdp.churn;

import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A trained churn classifier: Smile gradient-boosted trees over {@link ChurnActivity#features}, stored as
 * Smile's own serialized form. Smile's {@code predict} binds its formula's schema per call, which is not
 * safe to share between threads, so predictions are serialized on the model.
 */
public final class ChurnModel {

    /** What may be deserialised from a stored model: Smile's classes and the JDK's basic types, nothing else. */
    private static final String SERIAL_FILTER = "maxdepth=200;maxarray=10000000;smile.**;java.lang.*;java.util.*;!*";
    static final StructType SCHEMA = new StructType(Arrays.stream(ChurnActivity.FEATURES)
            .map(name -> new StructField(name, DataTypes.DoubleType)).toArray(StructField[]::new));

    private final GradientTreeBoost boost;

    ChurnModel(GradientTreeBoost boost) {
        this.boost = boost;
    }

    /** @return the probability that the profile churns (class 1) */
    public synchronized double probability(double[] features) {
        double[] posteriori = new double[2];
        boost.predict(Tuple.of(features, SCHEMA), posteriori);
        return Math.min(1, Math.max(0, posteriori[1]));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(boost);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static ChurnModel fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(SERIAL_FILTER));
            return new ChurnModel((GradientTreeBoost) in.readObject());
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not a stored churn model", e);
        }
    }
}
