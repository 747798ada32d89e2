package ai.stratum.server.connectors;

import java.time.Instant;

/** Where to send the user to grant access, and the single-use state the platform hands back. */
record OAuthStart(String authorizationUrl, String state, Instant expiresAt) {

    @Override
    public String toString() {
        return "OAuthStart[expiresAt=" + expiresAt + "]";
    }
}
