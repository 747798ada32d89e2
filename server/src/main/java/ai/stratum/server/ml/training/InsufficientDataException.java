package ai.stratum.server.ml.training;

/**
 * Too little data to train a model, by seed 001's minimum data rules. The message names what is missing
 * and how much there is, in words a user can act on.
 */
public final class InsufficientDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InsufficientDataException(String message) {
        super(message, null, false, false);
    }
}
