package ai.stratum.server.identity;

import ai.stratum.server.error.ApiException;

import java.util.Locale;
import java.util.regex.Pattern;

/** A sign-in e-mail: trimmed, lower-cased, and shaped like an address (local@domain.tld). */
public final class EmailAddress {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private EmailAddress() {
    }

    public static String normalize(String field, String email) {
        String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 320 || !SHAPE.matcher(value).matches()) {
            throw ApiException.badInput(field, "'" + email + "' is not an e-mail address");
        }
        return value;
    }
}
