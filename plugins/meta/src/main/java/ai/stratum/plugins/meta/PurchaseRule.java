package ai.stratum.plugins.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What counts as a conversion on Meta, and its value: a purchase, counted once.
 *
 * <p>Meta reports one purchase under several overlapping action types in the same insights row:
 * {@code omni_purchase} (every surface: website, app, offline, on Meta), {@code purchase} and
 * {@code offsite_conversion.fb_pixel_purchase} (the website pixel), and more. Adding them up
 * would count one sale two or three times. So each row picks <b>one</b> action type, the first of
 * {@link #PRECEDENCE} that the row reports in {@code actions} or {@code action_values}:
 * <ol>
 *   <li>{@code omni_purchase}, the deduplicated total across surfaces;</li>
 *   <li>{@code purchase}, when a row has no omni figure;</li>
 *   <li>{@code offsite_conversion.fb_pixel_purchase}, when the row has only the pixel's figure.</li>
 * </ol>
 * The conversions are that type's {@code actions} value and the revenue that type's
 * {@code action_values} value (the account currency, a decimal string); either is zero when the
 * row lacks it, and both are zero when the row reports no purchase type at all. Every other
 * action type (add to cart, link clicks, leads, ...) is not a conversion here.
 */
final class PurchaseRule {

    /** The purchase action types, most complete first. */
    static final List<String> PRECEDENCE =
            List.of("omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase");

    private PurchaseRule() {
    }

    /**
     * @param actions      the row's {@code actions} list
     * @param actionValues the row's {@code action_values} list
     * @return the action type the row's purchases are read from, or empty when it reports none
     */
    static Optional<String> chosenType(JsonNode actions, JsonNode actionValues) {
        return PRECEDENCE.stream()
                .filter(type -> valueOf(actions, type).isPresent() || valueOf(actionValues, type).isPresent())
                .findFirst();
    }

    /**
     * @param entries a list of {@code {action_type, value}}
     * @param type    an action type
     * @return the entry's value as decimal text, when the list has that type
     */
    static Optional<String> valueOf(JsonNode entries, String type) {
        for (JsonNode entry : entries) {
            if (type.equals(entry.path("action_type").asText(null))) {
                return JsonFields.optionalDecimal(entry, "value", "the " + type + " action");
            }
        }
        return Optional.empty();
    }

    /** @return the conversions of a count's text; malformed when not a non-negative number */
    static double count(String text, String what) {
        try {
            BigDecimal count = new BigDecimal(text.trim());
            if (count.signum() < 0) {
                throw JsonFields.malformed(what + " is negative: " + text);
            }
            return count.doubleValue();
        } catch (NumberFormatException e) {
            throw JsonFields.malformed(what + " is not a number: " + text);
        }
    }
}
