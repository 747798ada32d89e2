package ai.stratum.server.autopilot.rules;

import java.util.Objects;

/**
 * Rule settings that cannot be used, naming the setting at fault so the GraphQL edge can report
 * {@code BAD_USER_INPUT} with that field.
 */
public final class InvalidRuleSettingsException extends IllegalArgumentException {

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field   the {@link RuleSettings} component at fault, for example {@code maxChangePerStepPct}
     * @param message what is wrong with it, readable by the person who entered it
     */
    public InvalidRuleSettingsException(String field, String message) {
        super(field + ": " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The {@link RuleSettings} component at fault, for example {@code lookbackDays}. */
    public String field() {
        return field;
    }
}
