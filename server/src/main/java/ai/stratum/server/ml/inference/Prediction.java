package ai.stratum.server.ml.inference;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One model prediction: the value, the bounds of its interval when the model gives one, and each
 * feature's contribution to it when the model explains itself.
 *
 * @param value         the predicted value: ROAS for {@link ModelType#ROAS}, the probability of converting for
 *                      {@link ModelType#CONVERSION}, the fatigue score for {@link ModelType#FATIGUE}
 * @param lower         the interval's lower bound, when known
 * @param upper         the interval's upper bound, when known
 * @param contributions one number per feature of the row, in the row's order, saying how far that feature
 *                      moved this prediction (for the conversion model, SHAP values on the log-odds); empty
 *                      when the model gives none (a Vertex AI endpoint answers values only)
 */
public record Prediction(double value, OptionalDouble lower, OptionalDouble upper, List<Double> contributions) {

    public Prediction {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        if (lower.isPresent() != upper.isPresent()) {
            throw new IllegalArgumentException("an interval needs both bounds");
        }
        contributions = List.copyOf(contributions);
    }

    /** @return a prediction without an interval */
    public static Prediction of(double value) {
        return new Prediction(value, OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    }

    /** @return a prediction with its interval */
    public static Prediction of(double value, double lower, double upper) {
        return new Prediction(value, OptionalDouble.of(lower), OptionalDouble.of(upper), List.of());
    }

    /** @return a prediction without an interval, with each feature's contribution */
    public static Prediction explained(double value, List<Double> contributions) {
        return new Prediction(value, OptionalDouble.empty(), OptionalDouble.empty(), contributions);
    }
}
