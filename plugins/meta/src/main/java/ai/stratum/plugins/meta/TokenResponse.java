package ai.stratum.plugins.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * The answer of {@code GET /oauth/access_token}: {@code {"access_token","token_type":"bearer","expires_in"}},
 * {@code expires_in} in seconds and absent for tokens that do not expire.
 *
 * @param accessToken the token
 * @param expiresIn   seconds until it expires, when Meta says
 */
record TokenResponse(String accessToken, Optional<Long> expiresIn) {

    static TokenResponse parse(JsonNode answer) {
        String token = JsonFields.requiredText(answer, "access_token", "the token answer");
        if (token.isBlank()) {
            throw JsonFields.malformed("the token answer has a blank access_token");
        }
        Optional<Long> expiresIn = JsonFields.optionalLong(answer, "expires_in", "the token answer");
        if (expiresIn.filter(seconds -> seconds < 0).isPresent()) {
            throw JsonFields.malformed("the token answer has a negative expires_in");
        }
        return new TokenResponse(token, expiresIn);
    }

    /** @return when the token expires, from the moment it was received */
    Optional<Instant> expiresAt(Instant receivedAt) {
        return expiresIn.map(receivedAt::plusSeconds);
    }
}
