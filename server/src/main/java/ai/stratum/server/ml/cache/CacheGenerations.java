package ai.stratum.server.ml.cache;

import ai.stratum.server.cache.Cache;
import ai.stratum.server.ml.inference.ModelType;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.UUID;

/**
 * {@link MlCacheGeneration} in the shared {@link Cache}, under {@code ml-generation:<tenant>:data} and
 * {@code ml-generation:<tenant>:model:<TYPE>}.
 *
 * <p>A bump writes a new random token rather than incrementing a counter: a counter must expire like
 * every cache entry, and one that restarted from 1 would bring back entries cached under the old 1. A
 * token lives twice as long as the longest cached result; when it expires the generation reads
 * {@value #INITIAL} again, and everything cached under {@value #INITIAL} before the bump has expired
 * by then.
 */
@Singleton
public class CacheGenerations implements MlCacheGeneration {

    /** The generation of a tenant never bumped (or not within the token's lifetime). */
    static final String INITIAL = "0";

    private final Cache cache;
    private final Duration tokenLifetime;

    public CacheGenerations(Cache cache, CacheLifetimes lifetimes) {
        this.cache = cache;
        this.tokenLifetime = lifetimes.longest().multipliedBy(2);
    }

    @Override
    public Mono<Void> bumpData(TenantId tenant) {
        return cache.put(dataKey(tenant), newToken(), tokenLifetime);
    }

    @Override
    public Mono<Void> bump(TenantId tenant, ModelType model) {
        return cache.put(modelKey(tenant, model), newToken(), tokenLifetime);
    }

    @Override
    public Mono<String> data(TenantId tenant) {
        return cache.get(dataKey(tenant)).map(token -> token.orElse(INITIAL));
    }

    @Override
    public Mono<String> of(TenantId tenant, ModelType model) {
        return cache.get(modelKey(tenant, model)).map(token -> token.orElse(INITIAL));
    }

    private static String dataKey(TenantId tenant) {
        return "ml-generation:" + tenant + ":data";
    }

    private static String modelKey(TenantId tenant, ModelType model) {
        return "ml-generation:" + tenant + ":model:" + model.name();
    }

    private static String newToken() {
        // short is enough: it only has to differ from the tokens alive at the same time
        return UUID.randomUUID().toString().substring(0, 13);
    }
}
