package ai.stratum.server.ml.inference;

import reactor.core.publisher.Mono;

/** OAuth 2.0 access tokens for Google APIs, fetched when needed and reused until shortly before they expire. */
interface AccessTokens {

    /** @return a token valid for at least a minute */
    Mono<String> token();

    /** Forgets the cached token: the API refused it. */
    void invalidate();
}
