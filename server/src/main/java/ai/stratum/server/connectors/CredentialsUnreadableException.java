package ai.stratum.server.connectors;

/**
 * Stored credentials that cannot be opened: another key, altered bytes, or a ciphertext moved
 * from another row. The message says which and what to do, and never holds a secret.
 */
public final class CredentialsUnreadableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CredentialsUnreadableException(String message) {
        super(message, null, false, false);
    }
}
