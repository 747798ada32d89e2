package ai.stratum.server.ml.eventquality;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one non-blank text value of an event field. The analyzer has already refused values that
 * are not text, and empty ones.
 */
@FunctionalInterface
interface ValueCheck {

    /** Any text: identifiers whose format the platform leaves open. */
    ValueCheck ANY_TEXT = value -> Optional.empty();

    /** An ISO 3166-1 alpha-2 country code, sent unhashed (Google's {@code countryCode}). */
    ValueCheck COUNTRY_CODE = value -> Pattern.matches("[A-Za-z]{2}", value)
            ? Optional.empty()
            : Optional.of("is not a two-letter ISO 3166-1 country code");

    /**
     * @param value the value, not blank
     * @return why it cannot be used for matching, or empty when it can
     */
    Optional<String> problem(String value);
}
