package ai.stratum.server.signals.health;

/**
 * A trust setting that cannot be used: not a number, out of range, or inconsistent with another.
 * Names the environment variable (or per-tenant override key), so the edge that reported it can
 * point at the offending input.
 */
public final class InvalidTrustSettingsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    /**
     * @param variable the variable's name, for example {@code TRUST_MAX_DATA_AGE_HOURS}
     * @param message  what is wrong, starting with the variable's name
     */
    public InvalidTrustSettingsException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** @return the offending variable's name */
    public String variable() {
        return variable;
    }
}
