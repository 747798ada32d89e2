package ai.stratum.sandbox.platform;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    private final Tokens tokens = new Tokens(Clock.fixed(Instant.parse("2026-09-14T10:00:00Z"), ZoneOffset.UTC),
            Duration.ofMinutes(30));

    @Test
    void aCodeIsExchangedOnceAndOnlyForItsRedirect() {
        String code = tokens.issueCode("https://app/cb");

        assertThat(tokens.exchange(code, "https://evil/cb")).isEmpty();
        String code2 = tokens.issueCode("https://app/cb");
        Tokens.Grant grant = tokens.exchange(code2, "https://app/cb").orElseThrow();
        assertThat(tokens.exchange(code2, "https://app/cb")).isEmpty();
        assertThat(tokens.check(grant.accessToken())).isEqualTo(Tokens.Check.VALID);
        assertThat(grant.expiresAt()).isEqualTo(Instant.parse("2026-09-14T10:30:00Z"));
    }

    @Test
    void refreshingReplacesTheAccessToken() {
        Tokens.Grant grant = tokens.exchange(tokens.issueCode("r"), "r").orElseThrow();
        tokens.expire(grant.accessToken());

        Tokens.Grant renewed = tokens.refresh(grant.refreshToken()).orElseThrow();

        assertThat(tokens.check(renewed.accessToken())).isEqualTo(Tokens.Check.VALID);
        assertThat(tokens.check(grant.accessToken())).isEqualTo(Tokens.Check.UNKNOWN);
        assertThat(tokens.refresh(grant.refreshToken())).isEmpty();
    }

    @Test
    void aRevokedGrantCannotBeRefreshed() {
        Tokens.Grant grant = tokens.exchange(tokens.issueCode("r"), "r").orElseThrow();
        tokens.revoke(grant.accessToken());

        assertThat(tokens.check(grant.accessToken())).isEqualTo(Tokens.Check.REVOKED);
        assertThat(tokens.refresh(grant.refreshToken())).isEmpty();
    }

    @Test
    void knowsItsClient() {
        assertThat(tokens.isClient(Tokens.CLIENT_ID, Tokens.CLIENT_SECRET)).isTrue();
        assertThat(tokens.isClient(Tokens.CLIENT_ID, "guess")).isFalse();
    }
}
