package ai.stratum.server.ml;

import java.util.Objects;

/**
 * An input the ML engine cannot use: a negative budget, too short a history, too many simulations, a
 * score out of range. Names the offending field (its path in the input, such as
 * {@code scenarios[1].budgetChangePercent}) so the GraphQL edge can answer {@code BAD_USER_INPUT}
 * pointing at it.
 */
public final class InvalidMlInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the offending field's path in the input
     * @param message what is wrong, in words a user can act on
     */
    public InvalidMlInputException(String field, String message) {
        super(field + ": " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** @return the offending field's path in the input */
    public String field() {
        return field;
    }
}
