package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;

import java.util.Comparator;
import java.util.List;

/**
 * Removes a call's secrets from text a plugin hands back (error messages, log fields) before the
 * host stores or logs it. Plugins are told never to put tokens there; this makes sure.
 */
final class Redactor {

    static final String MASK = "[redacted]";
    // shorter values (a customer id, "true") are not secrets and would mangle ordinary text
    private static final int MIN_SECRET_LENGTH = 8;

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    static Redactor of(Credentials credentials) {
        return new Redactor(credentials.values().values().stream()
                .filter(value -> value.length() >= MIN_SECRET_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }
}
