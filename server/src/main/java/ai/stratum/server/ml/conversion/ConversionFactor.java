package ai.stratum.server.ml.conversion;

import java.util.Objects;

/**
 * One input's part in one prediction: its SHAP contribution to the model's log-odds of converting.
 *
 * @param factor the input, by the seed's name (for example {@code cart_value})
 * @param impact how much it moved this session's log-odds of converting away from the average session's;
 *               positive raises the probability
 * @param value  the input's value as sent: a number, or the category's name
 */
public record ConversionFactor(String factor, double impact, String value) {

    public ConversionFactor {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(value, "value");
    }
}
