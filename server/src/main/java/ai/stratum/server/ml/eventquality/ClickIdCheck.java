package ai.stratum.server.ml.eventquality;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The platforms' click and browser ids, each in the shape its platform documents. */
final class ClickIdCheck {

    /**
     * Meta's {@code fbc}: {@code fb.<subdomain index 0-2>.<creation time, Unix ms>.<fbclid>}. The
     * fbclid is case-sensitive and may carry dots (Meta's parameter builder appends a suffix).
     */
    static final ValueCheck FBC = value -> metaCookie(value, "fbc", "fbclid", true);

    /** Meta's {@code fbp}: {@code fb.<subdomain index 0-2>.<creation time, Unix ms>.<random number>}. */
    static final ValueCheck FBP = value -> metaCookie(value, "fbp", "random number", false);

    /**
     * Google's {@code gclid}, {@code gbraid} and {@code wbraid}: URL-safe base64 text (letters, digits,
     * {@code -} and {@code _}), dozens of characters long.
     */
    static final ValueCheck GOOGLE_CLICK_ID = value -> Pattern.matches("[A-Za-z0-9_-]{20,}", value)
            ? Optional.empty()
            : Optional.of("is not a Google click id: expected 20 or more letters, digits, '-' or '_' as the"
                    + " landing page URL carried it");

    /**
     * TikTok's {@code ttclid} and Snapchat's {@code sc_click_id}: opaque tokens copied from the landing
     * page URL, so only their shape is checked: no spaces, URL-safe characters, not a stub.
     */
    static final ValueCheck OPAQUE_CLICK_ID = value -> Pattern.matches("[A-Za-z0-9._~-]{16,}", value)
            ? Optional.empty()
            : Optional.of("is not a click id: expected the landing page URL's value, 16 or more URL-safe characters"
                    + " without spaces");

    private static final Pattern META_COOKIE = Pattern.compile("fb\\.([0-2])\\.(\\d+)\\.(\\S+)");

    private ClickIdCheck() {
    }

    private static Optional<String> metaCookie(String value, String name, String last, boolean click) {
        Matcher matcher = META_COOKIE.matcher(value);
        if (!matcher.matches()) {
            if (click && !value.startsWith("fb.") && Pattern.matches("[A-Za-z0-9_-]{20,}", value)) {
                return Optional.of("is a bare fbclid: send it as fb.1.<creation time in ms>.<fbclid>");
            }
            return Optional.of("is not a " + name + ": expected fb.<subdomain index 0-2>.<creation time in ms>.<"
                    + last + ">");
        }
        int digits = matcher.group(2).length();
        if (digits == 10) {
            return Optional.of("has a creation time in seconds: " + name + " wants Unix milliseconds (13 digits)");
        }
        if (digits != 13) {
            return Optional.of("has a creation time of " + digits + " digits: " + name
                    + " wants Unix milliseconds (13 digits)");
        }
        return Optional.empty();
    }
}
