package ai.stratum.server.identity;

import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.PasswordHasher;
import ai.stratum.server.security.TokenService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Locale;
import java.util.Optional;

/**
 * E-mail and password in, a session token out. A failure never says whether the e-mail or the
 * password was wrong, costs the same time either way, and counts towards the throttle.
 */
@Singleton
public class LoginService {

    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);
    private static final String FAILED = "Invalid e-mail or password";

    private final Database database;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;

    public LoginService(Database database, UserRepository users, PasswordHasher hasher, TokenService tokens,
                        LoginThrottle throttle) {
        this.database = database;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    public Mono<Session> login(String email, String password, String clientAddress) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || password == null || password.isEmpty()) {
            return Mono.error(ApiException.unauthenticated(FAILED));
        }
        return throttle.checkAllowed(normalized, clientAddress)
                .then(database.asSystemOne(connection -> users.credentialsByEmail(connection, normalized))
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty()))
                .flatMap(found -> verify(found, password))
                .flatMap(user -> throttle.succeeded(normalized).thenReturn(user))
                .map(user -> {
                    LOG.info("event=login_succeeded user={} tenant={}", user.id(), user.tenantId());
                    return new Session(tokens.issue(user.id(), user.tenantId(), user.role()), user);
                })
                .switchIfEmpty(Mono.defer(() -> throttle.failed(normalized, clientAddress)
                        .then(Mono.error(ApiException.unauthenticated(FAILED)))));
    }

    /** One password check either way, so an unknown e-mail takes as long as a wrong password. */
    private Mono<User> verify(Optional<UserRepository.Credentials> found, String password) {
        if (found.isEmpty()) {
            return hasher.decoyCheck(password).then(Mono.empty());
        }
        return hasher.matches(password, found.get().passwordHash())
                .filter(Boolean::booleanValue)
                .map(ok -> found.get().user());
    }

    /** The result of {@code login}. */
    public record Session(TokenService.IssuedToken token, User user) {
    }
}
