package ai.stratum.server.connectors;

/**
 * Why an OAuth callback did not connect the account, with the HTTP status the browser gets. The
 * message is shown on the page, so it must make sense to the person who clicked through.
 */
final class OAuthCallbackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    OAuthCallbackException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
