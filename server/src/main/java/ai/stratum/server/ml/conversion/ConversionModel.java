package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelType;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A trained conversion predictor: Smile's two-class gradient-boosted trees, read directly.
 *
 * <p>Smile's binary boosting model is {@code F(x) = b + η Σ tree_t(x)} with labels ±1, and
 * {@code P(convert) = 1 / (1 + e^(-2F))}: its log-odds are {@code 2F}. The model walks the trees itself,
 * flattened ({@link FlatTree}), rather than through Smile's {@code predict}, for three reasons:
 * <ul>
 *   <li>{@code topFactors} are per-prediction SHAP values. Smile's own
 *   {@code GradientTreeBoost.shap} averages the trees' SHAP values instead of weighting them by
 *   {@code η} and leaves out the intercept, so its values do not add up to any prediction. Here each
 *   tree's exact TreeSHAP values ({@code CART.shap}) are summed, times {@code 2η}: they add up to the
 *   session's log-odds minus the base log-odds, {@code 2(b + η Σ E[tree_t])}, where {@code E[tree_t]} is
 *   the tree's mean output over its training rows — the "average session".</li>
 *   <li>Smile's {@code predict} goes through its {@code Formula}, whose schema binding is not safe to
 *   share between threads; the trees themselves are read-only.</li>
 *   <li>Smile's TreeSHAP works out each leaf's path weights for every row; the flattened trees work them
 *   out once per leaf when the model is loaded.</li>
 * </ul>
 */
public final class ConversionModel {

    static final String INTERCEPT = "intercept";
    static final String SHRINKAGE = "shrinkage";
    /** What may be deserialised from a stored model: Smile's classes and the JDK's basic types, nothing else. */
    private static final String SERIAL_FILTER = "maxdepth=200;maxarray=10000000;smile.**;java.lang.*;java.util.*;!*";

    private final GradientTreeBoost boost;
    private final FlatTree[] trees;
    private final double intercept;
    private final double shrinkage;
    private final StructType schema;
    private final double baseLogOdds;

    ConversionModel(GradientTreeBoost boost, double intercept, double shrinkage) {
        this.boost = boost;
        RegressionTree[] smileTrees = boost.trees();
        this.trees = Arrays.stream(smileTrees).map(FlatTree::of).toArray(FlatTree[]::new);
        this.intercept = intercept;
        this.shrinkage = shrinkage;
        this.schema = smileTrees[0].schema();
        double expected = 0;
        for (FlatTree tree : trees) {
            expected += tree.expectedOutput();
        }
        this.baseLogOdds = 2 * (intercept + shrinkage * expected);
    }

    /**
     * @param session a session
     * @return its conversion probability, the seed's confidence, and the five inputs that moved it most
     */
    public ConversionPrediction predict(SessionFeatures session) {
        double[] row = SessionEncoding.encode(session);
        return ConversionPrediction.of(session, probabilityOf(row), contributionList(row));
    }

    /** @return {@link #contributions} as a list, as a {@code Prediction} carries them */
    public List<Double> contributionList(double[] row) {
        double[] contributions = contributions(row);
        List<Double> list = new ArrayList<>(contributions.length);
        for (double contribution : contributions) {
            list.add(contribution);
        }
        return list;
    }

    /** @return the log-odds of converting for an encoded row */
    public double logOdds(double[] row) {
        double f = intercept;
        for (FlatTree tree : trees) {
            f += shrinkage * tree.predict(row);
        }
        return 2 * f;
    }

    /** @return the conversion probability for an encoded row */
    public double probabilityOf(double[] row) {
        return probability(logOdds(row));
    }

    /**
     * Each column's SHAP contribution to the row's log-odds; they add up to
     * {@code logOdds(row) - baseLogOdds()}.
     */
    public double[] contributions(double[] row) {
        double[] phi = new double[SessionEncoding.WIDTH];
        for (FlatTree tree : trees) {
            tree.addShap(row, phi);
        }
        for (int i = 0; i < phi.length; i++) {
            phi[i] *= 2 * shrinkage;
        }
        return phi;
    }

    /** @return the log-odds of the average training session, which the contributions start from */
    public double baseLogOdds() {
        return baseLogOdds;
    }

    /** @return Smile's model, for checks against Smile's own prediction */
    GradientTreeBoost smileModel() {
        return boost;
    }

    static double probability(double logOdds) {
        return 1 / (1 + Math.exp(-logOdds));
    }

    /** @return the stored form: Smile's model serialised, its intercept and shrinkage beside it */
    public ModelArtifact toArtifact() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(INTERCEPT, String.format(Locale.ROOT, "%.17g", intercept));
        properties.put(SHRINKAGE, String.format(Locale.ROOT, "%.17g", shrinkage));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(boost);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelArtifact(ModelType.CONVERSION, SessionEncoding.VERSION, properties, bytes.toByteArray());
    }

    /**
     * @param artifact what {@link #toArtifact()} made
     * @return the model
     * @throws IllegalArgumentException when it is not a conversion model of this encoding, or its trees do not
     *                                  reproduce Smile's own probabilities with the stored intercept and shrinkage
     */
    public static ConversionModel fromArtifact(ModelArtifact artifact) {
        if (artifact.type() != ModelType.CONVERSION || artifact.encodingVersion() != SessionEncoding.VERSION) {
            throw new IllegalArgumentException("not a conversion model of encoding " + SessionEncoding.VERSION + ": "
                    + artifact.type() + " encoding " + artifact.encodingVersion());
        }
        GradientTreeBoost boost;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(artifact.payload()))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(SERIAL_FILTER));
            boost = (GradientTreeBoost) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("the conversion model's trees are unreadable", e);
        }
        ConversionModel model = new ConversionModel(boost, Double.parseDouble(artifact.property(INTERCEPT)),
                Double.parseDouble(artifact.property(SHRINKAGE)));
        model.requireAgreesWithSmile(new double[SessionEncoding.WIDTH]);
        return model;
    }

    /** Guards the tree walk: its probability must be Smile's own, or the stored numbers are wrong. */
    void requireAgreesWithSmile(double[] row) {
        double[] posteriori = new double[2];
        synchronized (boost) {
            boost.predict(Tuple.of(row, schema), posteriori);
        }
        double ours = probabilityOf(row);
        if (Math.abs(ours - posteriori[1]) > 1e-9) {
            throw new IllegalArgumentException("the conversion model's intercept or shrinkage does not match its trees: "
                    + ours + " vs Smile's " + posteriori[1]);
        }
    }
}
