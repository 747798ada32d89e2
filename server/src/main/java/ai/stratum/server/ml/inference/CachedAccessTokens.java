package ai.stratum.server.ml.inference;

import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reuses a fetched token until shortly before it expires (a minute, or half its lifetime when that is
 * shorter); concurrent callers share one fetch, and a failed fetch is not remembered.
 */
abstract class CachedAccessTokens implements AccessTokens {

    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final Clock clock;
    private final AtomicReference<Mono<Token>> current = new AtomicReference<>();

    CachedAccessTokens(Clock clock) {
        this.clock = clock;
    }

    /** Fetches a new token. */
    abstract Mono<Token> fetch();

    @Override
    public Mono<String> token() {
        return Mono.defer(() -> {
            Mono<Token> cached = current.updateAndGet(existing -> existing != null ? existing : fetch().cache());
            return cached
                    .doOnError(error -> current.compareAndSet(cached, null))
                    .flatMap(token -> {
                        if (clock.instant().isBefore(token.refreshAt())) {
                            return Mono.just(token.value());
                        }
                        // expired: fetch once more; a fresh token's refresh time lies ahead
                        current.compareAndSet(cached, null);
                        return token();
                    });
        });
    }

    @Override
    public void invalidate() {
        current.set(null);
    }

    Instant now() {
        return clock.instant();
    }

    /** @return a token fetched now that lives {@code lifetime} */
    Token token(String value, Duration lifetime) {
        if (value == null || value.isBlank() || lifetime.isNegative() || lifetime.isZero()) {
            throw new PredictionUnavailableException("The token endpoint answered without a usable access token");
        }
        Duration margin = lifetime.dividedBy(2).compareTo(MARGIN) < 0 ? lifetime.dividedBy(2) : MARGIN;
        return new Token(value, clock.instant().plus(lifetime).minus(margin));
    }

    /** A token and when to stop using it. */
    record Token(String value, Instant refreshAt) {
    }
}
