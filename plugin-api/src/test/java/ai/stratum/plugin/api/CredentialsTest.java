package ai.stratum.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private final Credentials credentials = Credentials.of(Map.of(
            Credentials.ACCESS_TOKEN, "EAAB-secret",
            Credentials.EXPIRES_AT, "2026-06-01T12:00:00Z"));

    @Test
    void toStringNamesSecretsWithoutTheirValues() {
        assertThat(credentials.toString())
                .isEqualTo("Credentials[access_token, expires_at]")
                .doesNotContain("EAAB-secret");
    }

    @Test
    void missingAccessTokenMeansTheConnectionNeedsReauthorization() {
        assertThatThrownBy(() -> Credentials.none().accessToken())
                .isInstanceOfSatisfying(ConnectorException.class,
                        e -> assertThat(e.failure()).isEqualTo(ConnectorException.Failure.NEEDS_REAUTH));
    }

    @Test
    void tellsWhetherTheTokenExpiresWithinAMargin() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T11:55:00Z"), ZoneOffset.UTC);

        assertThat(credentials.expiresWithin(Duration.ofMinutes(10), clock)).isTrue();
        assertThat(credentials.expiresWithin(Duration.ofMinutes(1), clock)).isFalse();
        assertThat(credentials.without(Credentials.EXPIRES_AT).expiresWithin(Duration.ofDays(1), clock)).isFalse();
    }

    @Test
    void withReplacesOneSecretAndKeepsTheOthers() {
        Credentials refreshed = credentials.with(Credentials.ACCESS_TOKEN, "new-token");

        assertThat(refreshed.accessToken()).isEqualTo("new-token");
        assertThat(refreshed.expiresAt()).contains(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(credentials.accessToken()).isEqualTo("EAAB-secret");
    }
}
