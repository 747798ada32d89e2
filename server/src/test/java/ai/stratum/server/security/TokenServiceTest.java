package ai.stratum.server.security;

import ai.stratum.server.tenancy.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TokenServiceTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

    private final UUID user = UUID.randomUUID();
    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @Test
    void verifiesWhatItIssued() {
        TokenService tokens = at(NOW);

        var issued = tokens.issue(user, tenant, Role.MEDIA_BUYER);

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(tokens.verify(issued.token())).contains(new TokenService.TokenClaims(user, tenant, Role.MEDIA_BUYER));
    }

    @Test
    void refusesExpiredTokens() {
        String token = at(NOW).issue(user, tenant, Role.VIEWER).token();

        assertThat(at(NOW.plus(Duration.ofHours(12)).plusSeconds(1)).verify(token)).isEmpty();
    }

    @Test
    void refusesTokensSignedWithAnotherKey() {
        String token = new TokenService("another-secret-another-secret-xx".getBytes(), Duration.ofHours(1),
                Clock.fixed(NOW, ZoneOffset.UTC)).issue(user, tenant, Role.VIEWER).token();

        assertThat(at(NOW).verify(token)).isEmpty();
    }

    @Test
    void refusesGarbageAndUnsignedTokens() {
        assertThat(at(NOW).verify("not.a.jwt")).isEmpty();
        assertThat(at(NOW).verify("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")).isEmpty();
    }

    private static TokenService at(Instant now) {
        return new TokenService(SECRET, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));
    }
}
