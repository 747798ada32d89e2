package ai.stratum.server.connectors;

import ai.stratum.server.error.ApiException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.UUID;

/** Checks of the values clients send about connections, each refusal naming the field. */
final class ConnectionInputs {

    static final int MAX_TOKEN_LENGTH = 8192;
    static final int MAX_REDIRECT_URI_LENGTH = 2000;

    private ConnectionInputs() {
    }

    static String accountId(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badInput(field, "accountId must be 1 to 100 printable characters");
        }
        return trimmed;
    }

    static Optional<String> displayName(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badInput(field, "displayName must be 1 to 200 printable characters");
        }
        return Optional.of(trimmed);
    }

    /** A token: never echoed in the message, since it may be a real one pasted in the wrong place. */
    static String token(String field, String value) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw ApiException.badInput(field, name + " must not be blank");
        }
        if (trimmed.length() > MAX_TOKEN_LENGTH || trimmed.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw ApiException.badInput(field, name + " must be at most " + MAX_TOKEN_LENGTH
                    + " characters without spaces or control characters");
        }
        return trimmed;
    }

    static UUID id(String field, String value) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(field, field + " is not a valid id");
        }
    }

    /** Where the platform sends the user back: an absolute http(s) URL without a fragment. */
    static URI redirectUri(String field, String value) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REDIRECT_URI_LENGTH) {
            throw ApiException.badInput(field, "redirectUri must be an absolute http(s) URL of at most "
                    + MAX_REDIRECT_URI_LENGTH + " characters");
        }
        try {
            URI uri = new URI(trimmed);
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw ApiException.badInput(field, "redirectUri must be an absolute http(s) URL with a host and no fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ApiException.badInput(field, "redirectUri is not a valid URL");
        }
    }
}
