package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.OAuthProvider;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.identity.UserRepository;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Connects an account through the platform's OAuth flow. {@link #start} records a random state
 * bound to the tenant, the user and the account, and asks the plugin for the authorization URL;
 * {@link #complete} (the callback) takes the state out (single use), checks it has not expired and
 * belongs to the platform, exchanges the code through the plugin and stores the connection as the
 * user who started the flow.
 */
@Singleton
class OAuthService {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final int STATE_BYTES = 32;

    private final Database database;
    private final OAuthStateRepository states;
    private final UserRepository users;
    private final PluginLookup plugins;
    private final PluginCaller caller;
    private final ConnectionService connections;
    private final ActivityFeed activity;
    private final ConnectorSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OAuthService(Database database, OAuthStateRepository states, UserRepository users, PluginLookup plugins, PluginCaller caller,
                 ConnectionService connections, ActivityFeed activity, ConnectorSettings settings, Clock clock) {
        this.database = database;
        this.states = states;
        this.users = users;
        this.plugins = plugins;
        this.caller = caller;
        this.connections = connections;
        this.activity = activity;
        this.settings = settings;
        this.clock = clock;
    }

    Mono<OAuthStart> start(Caller who, Platform platform, String redirectUri, String accountId, String displayName) {
        who.require(Role.MEDIA_BUYER);
        URI redirect = ConnectionInputs.redirectUri("redirectUri", redirectUri);
        String account = ConnectionInputs.accountId("accountId", accountId);
        String name = ConnectionInputs.displayName("displayName", displayName).orElse(account);
        if (plugins.find(platform, OAuthProvider.class).isEmpty()) {
            throw ApiException.badInput("platform", "No installed plugin connects " + platform
                    + " accounts through OAuth (no OAuthProvider); use connectAccount with tokens, or install the plugin");
        }
        Map<String, String> client = settings.platform(platform).hostCredentials();
        if (!client.containsKey(Credentials.CLIENT_ID) || !client.containsKey(Credentials.CLIENT_SECRET)) {
            throw ApiException.unavailable("OAuth with " + platform + " needs the platform app this server is registered as: set "
                    + PlatformSettings.variable(platform, "CLIENT_ID") + " and " + PlatformSettings.variable(platform, "CLIENT_SECRET"));
        }
        String state = newState();
        Instant expiresAt = clock.instant().plus(STATE_LIFETIME);
        TenantId tenant = who.tenant();
        return caller.callOAuth(tenant, platform, "building the authorization URL",
                        (provider, context) -> CompletableFuture.completedFuture(provider.authorizationUrl(context, redirect, state)))
                .onErrorMap(ConnectorCallException.class, failure -> ApiException.unavailable(failure.getMessage()))
                .flatMap(url -> {
                    if (!url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
                        return Mono.error(ApiException.unavailable("The " + platform + " plugin built an authorization URL that is "
                                + "not an absolute http(s) URL"));
                    }
                    OAuthState recorded = new OAuthState(tenant, who.userId(), platform, account, name, redirect, expiresAt);
                    return database.inTenantOne(tenant, connection -> states.deleteExpired(connection, tenant)
                                    .then(states.insert(connection, hash(state), recorded)))
                            .thenReturn(new OAuthStart(url.toString(), state, expiresAt));
                });
    }

    /**
     * Completes a flow from the platform's redirect.
     *
     * @return the connection stored
     * @throws OAuthCallbackException (as the Mono's error) when the callback cannot connect anything
     */
    Mono<AccountConnection> complete(String platformName, String code, String state, String error, String errorDescription) {
        Platform platform = Platform.fromId(platformName.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new OAuthCallbackException(404, "Unknown platform '" + platformName + "'"));
        if (state == null || state.isBlank()) {
            throw new OAuthCallbackException(400, "The callback carries no state, so it cannot be matched to a connection "
                    + "request; start connecting the account again from Stratum");
        }
        return database.asSystemOne(connection -> states.consume(connection, hash(state.strip())))
                .switchIfEmpty(Mono.error(() -> new OAuthCallbackException(400, "This authorization is unknown or was already "
                        + "used; start connecting the account again from Stratum")))
                .flatMap(started -> {
                    if (started.expiresAt().isBefore(clock.instant())) {
                        return Mono.error(new OAuthCallbackException(400, "This authorization expired (they last "
                                + STATE_LIFETIME.toMinutes() + " minutes); start connecting the account again from Stratum"));
                    }
                    if (started.platform() != platform) {
                        return Mono.error(new OAuthCallbackException(400, "This authorization was started for "
                                + started.platform() + ", not " + platform));
                    }
                    if (error != null && !error.isBlank()) {
                        return Mono.error(new OAuthCallbackException(400, platform + " did not grant access: " + error
                                + (errorDescription == null || errorDescription.isBlank() ? "" : " (" + errorDescription + ")")));
                    }
                    if (code == null || code.isBlank()) {
                        return Mono.error(new OAuthCallbackException(400, "The callback carries no authorization code"));
                    }
                    return starter(started).flatMap(who -> exchange(started, code.strip())
                            .flatMap(credentials -> activity.afterCommit(database.inTenantOne(started.tenant(), connection ->
                                    connections.store(connection, who, "oauth-callback", started.platform(), started.accountId(),
                                            Optional.of(started.displayName()), credentials)))));
                });
    }

    /** The user who started the flow, if they still may connect accounts: the callback acts as them. */
    private Mono<Caller> starter(OAuthState started) {
        return database.inTenantOne(started.tenant(), connection -> users.findById(connection, started.tenant(), started.userId()))
                .filter(user -> user.role().atLeast(Role.MEDIA_BUYER))
                .map(user -> new Caller(user.id(), Optional.empty(), user.role(), started.tenant(), started.tenant()))
                .switchIfEmpty(Mono.error(() -> new OAuthCallbackException(403, "The user who started this connection no longer "
                        + "exists or may no longer connect accounts")));
    }

    private Mono<Credentials> exchange(OAuthState started, String code) {
        return caller.callOAuth(started.tenant(), started.platform(), "exchanging the authorization code",
                        (provider, context) -> provider.exchangeCode(context, code, started.redirectUri()))
                .onErrorMap(ConnectorCallException.class, failure -> new OAuthCallbackException(502, failure.getMessage()))
                .flatMap(credentials -> credentials.get(Credentials.ACCESS_TOKEN).isPresent()
                        ? Mono.just(credentials)
                        : Mono.error(new OAuthCallbackException(502, "The " + started.platform()
                        + " plugin's code exchange returned no access token")));
    }

    private String newState() {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
