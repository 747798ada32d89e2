package ai.stratum.server.security;

import ai.stratum.server.config.StratumHome;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

@Factory
public class SecurityFactory {

    @Singleton
    TokenService tokenService(@Nullable @Value("${stratum.jwt.secret:}") String secret,
                              @Value("${stratum.jwt.expiry:12h}") Duration expiry,
                              StratumHome home) {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("STRATUM_JWT_EXPIRY must be positive (was " + expiry + ")");
        }
        return new TokenService(JwtSecret.resolve(secret, home), expiry, Clock.systemUTC());
    }
}
