package ai.stratum.sandbox.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated platform's OAuth state: the client it accepts, authorization codes, and the access
 * and refresh tokens it issued with their expiry. Thread-safe.
 */
public final class Tokens {

    /** The OAuth client id every simulated platform accepts. */
    public static final String CLIENT_ID = "stratum-sandbox";
    /** Its secret. */
    public static final String CLIENT_SECRET = "sandbox-secret";

    /** What the platform thinks of a presented access token. */
    public enum Check { VALID, EXPIRED, REVOKED, UNKNOWN }

    /**
     * Tokens issued together.
     *
     * @param accessToken  the access token
     * @param refreshToken the refresh token
     * @param expiresAt    when the access token expires
     */
    public record Grant(String accessToken, String refreshToken, Instant expiresAt) {
    }

    private record AccessState(Instant expiresAt, boolean revoked) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AccessState> access = new ConcurrentHashMap<>();
    private final Map<String, String> refreshToAccess = new ConcurrentHashMap<>();
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    /**
     * @param clock    the platform's time
     * @param lifetime how long an issued access token lasts
     */
    public Tokens(Clock clock, Duration lifetime) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    /** @return whether the client id and secret are the ones the platform knows */
    public boolean isClient(String clientId, String clientSecret) {
        return CLIENT_ID.equals(clientId) && CLIENT_SECRET.equals(clientSecret);
    }

    /** @param token an access token that is valid until expired or revoked by hand (the demo's, a test's) */
    public void allow(String token) {
        access.put(token, new AccessState(Instant.MAX, false));
    }

    /** @return a new authorization code for the redirect URI it was asked for */
    public String issueCode(String redirectUri) {
        String code = "code-" + randomHex(12);
        codes.put(code, redirectUri);
        return code;
    }

    /**
     * @param code        an authorization code
     * @param redirectUri the redirect URI, which must be the one the code was issued for
     * @return new tokens; empty when the code is unknown, used or for another redirect URI
     */
    public Optional<Grant> exchange(String code, String redirectUri) {
        String issuedFor = codes.remove(code);
        if (issuedFor == null || !issuedFor.equals(redirectUri)) {
            return Optional.empty();
        }
        return Optional.of(issue());
    }

    /**
     * @param refreshToken a refresh token
     * @return new tokens; the old access token stops working. Empty for an unknown or revoked refresh token
     */
    public Optional<Grant> refresh(String refreshToken) {
        String oldAccess = refreshToAccess.remove(refreshToken);
        if (oldAccess == null || access.getOrDefault(oldAccess, new AccessState(Instant.MIN, false)).revoked()) {
            return Optional.empty();
        }
        access.remove(oldAccess);
        return Optional.of(issue());
    }

    /** @return what the platform thinks of the token now */
    public Check check(String accessToken) {
        AccessState state = accessToken == null ? null : access.get(accessToken);
        if (state == null) {
            return Check.UNKNOWN;
        }
        if (state.revoked()) {
            return Check.REVOKED;
        }
        return clock.instant().isBefore(state.expiresAt()) ? Check.VALID : Check.EXPIRED;
    }

    /** Makes the token expire now; its refresh token still works. */
    public void expire(String accessToken) {
        access.computeIfPresent(accessToken, (token, state) -> new AccessState(clock.instant(), state.revoked()));
    }

    /** Revokes the token and its refresh token. */
    public void revoke(String accessToken) {
        access.computeIfPresent(accessToken, (token, state) -> new AccessState(state.expiresAt(), true));
    }

    /** @return the current issuance time plus the lifetime */
    public Duration lifetime() {
        return lifetime;
    }

    private Grant issue() {
        String accessToken = "sbx-at-" + randomHex(16);
        String refreshToken = "sbx-rt-" + randomHex(16);
        Instant expiresAt = clock.instant().plus(lifetime);
        access.put(accessToken, new AccessState(expiresAt, false));
        refreshToAccess.put(refreshToken, accessToken);
        return new Grant(accessToken, refreshToken, expiresAt);
    }

    private String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
