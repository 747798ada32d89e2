package ai.stratum.server.trust;

/**
 * A trust-gate configuration that cannot be used. Names the offending field of
 * {@link TrustGateConfig} (for example {@code holdThreshold}), which is also the field of the GraphQL
 * input that sets it.
 */
public final class InvalidTrustConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the offending field
     * @param message what is wrong
     */
    public InvalidTrustConfigException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the offending field, for example {@code conservativeActions} */
    public String field() {
        return field;
    }
}
