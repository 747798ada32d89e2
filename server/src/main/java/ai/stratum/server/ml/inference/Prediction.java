package ai.stratum.server.ml.inference;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One model prediction: the value, and the bounds of its interval when the model gives one.
 *
 * @param value the predicted value: ROAS for {@link ModelType#ROAS}, the probability of converting for
 *              {@link ModelType#CONVERSION}, the fatigue score for {@link ModelType#FATIGUE}
 * @param lower the interval's lower bound, when known
 * @param upper the interval's upper bound, when known
 */
public record Prediction(double value, OptionalDouble lower, OptionalDouble upper) {

    public Prediction {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
    }

    /** @return a prediction without an interval */
    public static Prediction of(double value) {
        return new Prediction(value, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /** @return a prediction with its interval */
    public static Prediction of(double value, double lower, double upper) {
        return new Prediction(value, OptionalDouble.of(lower), OptionalDouble.of(upper));
    }
}
