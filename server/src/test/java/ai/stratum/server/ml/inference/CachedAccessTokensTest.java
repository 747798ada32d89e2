package ai.stratum.server.ml.inference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedAccessTokensTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final AtomicInteger fetches = new AtomicInteger();
    private Duration lifetime = Duration.ofHours(1);
    private boolean failing;

    private final CachedAccessTokens tokens = new CachedAccessTokens(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }) {
        @Override
        Mono<Token> fetch() {
            return Mono.fromSupplier(() -> {
                int n = fetches.incrementAndGet();
                if (failing) {
                    throw new PredictionUnavailableException("token endpoint down");
                }
                return token("token-" + n, lifetime);
            });
        }
    };

    @Test
    void reusesATokenUntilAMinuteBeforeItExpires() {
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-1");
        now = now.plus(Duration.ofMinutes(58)).plusSeconds(59);
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-1");
        now = now.plusSeconds(1);
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-2");
    }

    @Test
    void usesAShortLivedTokenForHalfItsLife() {
        lifetime = Duration.ofSeconds(40);
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-1");
        now = now.plusSeconds(19);
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-1");
        now = now.plusSeconds(1);
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-2");
    }

    @Test
    void forgetsAFailedFetchAndAnInvalidatedToken() {
        failing = true;
        assertThatThrownBy(() -> tokens.token().block(WAIT)).hasMessage("token endpoint down");
        failing = false;
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-2");
        tokens.invalidate();
        assertThat(tokens.token().block(WAIT)).isEqualTo("token-3");
    }

    @Test
    void refusesAnAnswerWithoutAUsableToken() {
        lifetime = Duration.ZERO;
        assertThatThrownBy(() -> tokens.token().block(WAIT)).isInstanceOf(PredictionUnavailableException.class)
                .hasMessageContaining("without a usable access token");
    }
}
