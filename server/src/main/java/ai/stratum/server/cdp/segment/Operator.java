package ai.stratum.server.cdp.segment;

/** How a condition compares; GraphQL's {@code ConditionOperator}. */
public enum Operator {
    EQUALS,
    NOT_EQUALS,
    /** Text: contains the value, ignoring case. Array: has the value as an element. */
    CONTAINS,
    GREATER_THAN,
    GREATER_OR_EQUAL,
    LESS_THAN,
    LESS_OR_EQUAL,
    EXISTS,
    NOT_EXISTS;

    boolean takesValue() {
        return this != EXISTS && this != NOT_EXISTS;
    }

    boolean orders() {
        return this == GREATER_THAN || this == GREATER_OR_EQUAL || this == LESS_THAN || this == LESS_OR_EQUAL;
    }

    /** The SQL comparison of an ordering operator. */
    String sql() {
        return switch (this) {
            case GREATER_THAN -> ">";
            case GREATER_OR_EQUAL -> ">=";
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "<=";
            case EQUALS -> "=";
            case NOT_EQUALS -> "<>";
            default -> throw new IllegalStateException(this + " is not a comparison");
        };
    }
}
