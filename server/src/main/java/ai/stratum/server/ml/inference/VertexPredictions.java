package ai.stratum.server.ml.inference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one element of a Vertex AI {@code predictions} array in the shapes the platform's containers
 * answer with:
 * <ul>
 *   <li>a number (XGBoost and scikit-learn prebuilt containers, regression or a probability);</li>
 *   <li>an array of numbers: one value, or for {@link ModelType#CONVERSION} the two class probabilities
 *   of {@code predict_proba}, of which the second is converting;</li>
 *   <li>AutoML tabular regression's {@code {"value", "lower_bound", "upper_bound"}};</li>
 *   <li>AutoML tabular classification's {@code {"classes", "scores"}}: the score of the converting class
 *   ({@code 1}, {@code true} or {@code yes}), or of the second of two.</li>
 * </ul>
 */
final class VertexPredictions {

    private static final Set<String> CONVERTING = Set.of("1", "true", "yes", "converted");

    private VertexPredictions() {
    }

    /** @throws IllegalArgumentException for a shape it cannot read, saying which */
    static Prediction read(Object element, ModelType type) {
        if (element instanceof Number number) {
            return Prediction.of(number.doubleValue());
        }
        if (element instanceof List<?> values && !values.isEmpty() && values.stream().allMatch(Number.class::isInstance)) {
            if (values.size() == 1) {
                return Prediction.of(((Number) values.get(0)).doubleValue());
            }
            if (values.size() == 2 && type == ModelType.CONVERSION) {
                return Prediction.of(((Number) values.get(1)).doubleValue());
            }
        }
        if (element instanceof Map<?, ?> object) {
            if (object.get("value") instanceof Number value) {
                if (object.get("lower_bound") instanceof Number lower && object.get("upper_bound") instanceof Number upper) {
                    return Prediction.of(value.doubleValue(), lower.doubleValue(), upper.doubleValue());
                }
                return Prediction.of(value.doubleValue());
            }
            if (object.get("classes") instanceof List<?> classes && object.get("scores") instanceof List<?> scores
                    && classes.size() == scores.size()) {
                return Prediction.of(((Number) scores.get(convertingClass(classes))).doubleValue());
            }
        }
        throw new IllegalArgumentException("a prediction shaped " + shape(element) + " is not one Stratum reads for " + type);
    }

    private static int convertingClass(List<?> classes) {
        for (int i = 0; i < classes.size(); i++) {
            if (CONVERTING.contains(String.valueOf(classes.get(i)).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        if (classes.size() == 2) {
            return 1;
        }
        throw new IllegalArgumentException("none of the classes " + classes + " is the converting one");
    }

    private static String shape(Object element) {
        if (element == null) {
            return "null";
        }
        if (element instanceof Map<?, ?> object) {
            return "an object with " + object.keySet();
        }
        return element instanceof List<?> list ? "an array of " + list.size() : "a " + element.getClass().getSimpleName();
    }
}
