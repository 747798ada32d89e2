package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.Platform;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ConnectAccountInput}, checked. Its {@link #toString()} leaves the tokens out.
 *
 * @param displayName empty to default to the account id (or, when reconnecting, keep the current name)
 */
public record ConnectAccountInput(Platform platform, String accountId, Optional<String> displayName, String accessToken,
                           Optional<String> refreshToken, Optional<Instant> expiresAt) {

    static ConnectAccountInput from(Map<String, Object> input) {
        return new ConnectAccountInput(
                Platform.valueOf((String) input.get("platform")),
                ConnectionInputs.accountId("input.accountId", (String) input.get("accountId")),
                ConnectionInputs.displayName("input.displayName", (String) input.get("displayName")),
                ConnectionInputs.token("input.accessToken", (String) input.get("accessToken")),
                Optional.ofNullable((String) input.get("refreshToken"))
                        .map(token -> ConnectionInputs.token("input.refreshToken", token)),
                Optional.ofNullable((Instant) input.get("expiresAt")));
    }

    Credentials credentials() {
        Map<String, String> values = new HashMap<>();
        values.put(Credentials.ACCESS_TOKEN, accessToken);
        refreshToken.ifPresent(token -> values.put(Credentials.REFRESH_TOKEN, token));
        expiresAt.ifPresent(at -> values.put(Credentials.EXPIRES_AT, at.toString()));
        return Credentials.of(values);
    }

    @Override
    public String toString() {
        return "ConnectAccountInput[" + platform + " " + accountId + "]";
    }
}
