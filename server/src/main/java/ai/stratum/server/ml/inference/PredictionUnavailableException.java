package ai.stratum.server.ml.inference;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;

/**
 * No prediction could be made: no model of the type is installed, or the remote endpoint failed. A
 * client sees UNAVAILABLE with this message, which names the cause but never a credential or token.
 */
public final class PredictionUnavailableException extends ApiException {

    private static final long serialVersionUID = 1L;

    public PredictionUnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
