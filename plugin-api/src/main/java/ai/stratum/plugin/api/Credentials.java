package ai.stratum.plugin.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The secrets of one call, decrypted by the host for that call only: a connection's tokens, and
 * for OAuth calls the platform's client id and secret.
 *
 * <p>Secrets are named strings rather than fixed fields because each platform needs different
 * ones (Google a developer token, WhatsApp a phone number id, Zoho its data-centre domain). The
 * common ones have constants here; document any other name your connector reads, so operators
 * know what to configure.
 *
 * <p>Never log these values or put them in exception messages. {@link #toString()} shows only
 * the names.
 *
 * @param values the secrets by name; never null, no null names or values
 */
public record Credentials(Map<String, String> values) {

    /** The OAuth access token of the connection. */
    public static final String ACCESS_TOKEN = "access_token";
    /** The OAuth refresh token of the connection, when the platform issues one. */
    public static final String REFRESH_TOKEN = "refresh_token";
    /** When the access token expires, as an ISO-8601 instant, when the platform says. */
    public static final String EXPIRES_AT = "expires_at";
    /** The platform OAuth client (app) id; present in {@link OAuthProvider} calls. */
    public static final String CLIENT_ID = "client_id";
    /** The platform OAuth client (app) secret; present in {@link OAuthProvider} calls. */
    public static final String CLIENT_SECRET = "client_secret";

    /**
     * Creates credentials.
     *
     * @param values the secrets by name; never null, no null names or values
     */
    public Credentials {
        values = Map.copyOf(values);
    }

    /**
     * No secrets at all.
     *
     * @return empty credentials
     */
    public static Credentials none() {
        return new Credentials(Map.of());
    }

    /**
     * Credentials from name and value pairs.
     *
     * @param values the secrets by name
     * @return the credentials
     */
    public static Credentials of(Map<String, String> values) {
        return new Credentials(values);
    }

    /**
     * A secret by name.
     *
     * @param name the secret's name, for example {@link #REFRESH_TOKEN}
     * @return its value, or empty when absent
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /**
     * The connection's access token.
     *
     * @return the token
     * @throws ConnectorException with {@link ConnectorException.Failure#NEEDS_REAUTH} when the
     *                            connection has none, since only a new authorization can fix that
     */
    public String accessToken() {
        return get(ACCESS_TOKEN).orElseThrow(() -> ConnectorException.needsReauth("the connection has no access token"));
    }

    /**
     * The connection's refresh token.
     *
     * @return the token, or empty when the platform issued none
     */
    public Optional<String> refreshToken() {
        return get(REFRESH_TOKEN);
    }

    /**
     * When the access token expires.
     *
     * @return the instant, or empty when unknown or never
     * @throws IllegalStateException when {@link #EXPIRES_AT} is not an ISO-8601 instant
     */
    public Optional<Instant> expiresAt() {
        try {
            return get(EXPIRES_AT).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(EXPIRES_AT + " is not an ISO-8601 instant", e);
        }
    }

    /**
     * Whether the access token expires within the margin, so a connector can refresh it before a
     * long call rather than fail half-way.
     *
     * @param margin how far ahead to look
     * @param clock  the clock of the {@link ConnectorContext}
     * @return true when an expiry is known and falls before now plus the margin
     */
    public boolean expiresWithin(Duration margin, Clock clock) {
        return expiresAt().map(expiry -> expiry.isBefore(clock.instant().plus(margin))).orElse(false);
    }

    /**
     * These credentials with one secret added or replaced, for example the new access token after
     * a refresh.
     *
     * @param name  the secret's name
     * @param value its value
     * @return new credentials
     */
    public Credentials with(String name, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new Credentials(copy);
    }

    /**
     * These credentials without one secret, for example a refresh token the platform revoked.
     *
     * @param name the secret's name
     * @return new credentials
     */
    public Credentials without(String name) {
        Map<String, String> copy = new HashMap<>(values);
        copy.remove(name);
        return new Credentials(copy);
    }

    /**
     * The names of the secrets, never their values.
     *
     * @return for example {@code Credentials[access_token, refresh_token]}
     */
    @Override
    public String toString() {
        return "Credentials" + new TreeSet<>(values.keySet());
    }
}
