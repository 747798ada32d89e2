package ai.stratum.server.plugins;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a plugin failure into one line for the plugin listing and the start-up log: the messages
 * of the exception chain, without repeats. PF4J wraps causes (a missing class inside a plugin
 * runtime exception), and the useful words are often in the cause.
 */
final class FailureReason {

    private static final int MAX_LENGTH = 500;

    private FailureReason() {
    }

    static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank()
                    ? t.getClass().getSimpleName()
                    : t.getMessage().replaceAll("\\s+", " ").trim();
            if (parts.stream().noneMatch(part -> part.contains(message))) {
                parts.add(message);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String reason = String.join(": ", parts);
        return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 1) + "…";
    }
}
