package ai.stratum.server.security;

import ai.stratum.server.error.ApiException;

/** The rules a new password must meet; checked before anything is hashed or stored. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    public static void check(String field, String password) {
        if (password.length() < MIN_LENGTH) {
            throw ApiException.badInput(field, "Password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiException.badInput(field, "Password must be at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            throw ApiException.badInput(field, "Password must not be blank");
        }
    }
}
