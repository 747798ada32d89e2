package ai.stratum.server.ml.cache;

import ai.stratum.server.cache.Cache;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * ML results cached in the shared {@link Cache} (Redis, or in-process without it), for any ML operation:
 * budget simulations, forecasts, model predictions.
 *
 * <p>A result's key is {@code ml:<operation>:<version>:<tenant>:<data generation>:<model generation>:
 * <SHA-256 of the canonical input>}: a new version of the code or model, new data for the tenant
 * ({@link MlCacheGeneration#bumpData}) or a retrained model ({@link MlCacheGeneration#bump}) each lead to
 * a new key, so nothing stale is served and nothing has to be deleted. Results are stored as JSON, so
 * their types must be {@code @Serdeable}.
 *
 * <p>The cache is an accelerator, never a dependency: when it fails (Redis unreachable), the result is
 * computed and returned uncached, and the failure logged. Metered as {@code stratum.ml.cache.requests}
 * by operation and result ({@code hit}, {@code miss}, {@code bypass}).
 */
@Singleton
public class MlCache {

    private static final Logger LOG = LoggerFactory.getLogger(MlCache.class);

    private final Cache cache;
    private final MlCacheGeneration generations;
    private final CacheLifetimes lifetimes;
    private final JsonMapper json;
    private final MeterRegistry meters;

    public MlCache(Cache cache, MlCacheGeneration generations, CacheLifetimes lifetimes, JsonMapper json, MeterRegistry meters) {
        this.cache = cache;
        this.generations = generations;
        this.lifetimes = lifetimes;
        this.json = json;
        this.meters = meters;
    }

    /**
     * @param operation what is computed
     * @param tenant    for whom
     * @param input     everything the result depends on besides the tenant's data and models: records,
     *                  maps, lists and plain values (see {@link CanonicalJson})
     * @param type      the result's type, to read it back
     * @param compute   computes the result on a miss; an empty result is not cached
     * @return the cached result, or the computed one
     */
    public <T> Mono<T> get(CachedOperation operation, TenantId tenant, Object input, Argument<T> type, Supplier<Mono<T>> compute) {
        String inputHash = CanonicalJson.sha256(input);
        return key(operation, tenant, inputHash)
                .map(Optional::of)
                .onErrorResume(e -> {
                    // without the generations no key is safe to use: compute without the cache
                    LOG.warn("event=ml_cache_unavailable operation={} tenant={} error={}", operation.name(), tenant, e.toString());
                    return Mono.just(Optional.empty());
                })
                .flatMap(key -> key.isEmpty()
                        ? Mono.defer(compute).doOnSuccess(ignored -> count(operation, "bypass"))
                        : cachedOrComputed(operation, key.get(), type, compute));
    }

    private Mono<String> key(CachedOperation operation, TenantId tenant, String inputHash) {
        Mono<String> data = operation.readsTenantData() ? generations.data(tenant) : Mono.just("-");
        Mono<String> model = operation.model().map(type -> generations.of(tenant, type)).orElse(Mono.just("-"));
        return Mono.zip(data, model).map(gens -> "ml:" + operation.name() + ":" + operation.version() + ":" + tenant + ":"
                + gens.getT1() + ":" + gens.getT2() + ":" + inputHash);
    }

    private <T> Mono<T> cachedOrComputed(CachedOperation operation, String key, Argument<T> type, Supplier<Mono<T>> compute) {
        return cache.get(key)
                .onErrorResume(e -> {
                    LOG.warn("event=ml_cache_read_failed operation={} error={}", operation.name(), e.toString());
                    return Mono.just(Optional.empty());
                })
                .flatMap(cached -> cached.flatMap(text -> decode(operation, text, type))
                        .map(value -> {
                            count(operation, "hit");
                            return Mono.just(value);
                        })
                        .orElseGet(() -> Mono.defer(compute).flatMap(value -> {
                            count(operation, "miss");
                            return store(operation, key, value).thenReturn(value);
                        })));
    }

    private <T> Optional<T> decode(CachedOperation operation, String text, Argument<T> type) {
        try {
            return Optional.ofNullable(json.readValue(text, type));
        } catch (IOException | RuntimeException e) {
            // the key carries the version, so this is damage, not an old format: recompute and overwrite
            LOG.warn("event=ml_cache_entry_unreadable operation={} error={}", operation.name(), e.toString());
            return Optional.empty();
        }
    }

    private Mono<Void> store(CachedOperation operation, String key, Object value) {
        String text;
        try {
            text = json.writeValueAsString(value);
        } catch (IOException | RuntimeException e) {
            // a result type without a serializer is a bug to fix, but not one to fail the request over
            LOG.error("event=ml_cache_entry_unwritable operation={} type={}", operation.name(), value.getClass().getName(), e);
            return Mono.empty();
        }
        return cache.put(key, text, lifetimes.of(operation.lifetime()))
                .onErrorResume(e -> {
                    // the result is good; the next request computes it again
                    LOG.warn("event=ml_cache_write_failed operation={} error={}", operation.name(), e.toString());
                    return Mono.empty();
                });
    }

    private void count(CachedOperation operation, String result) {
        meters.counter("stratum.ml.cache.requests", "operation", operation.name(), "result", result).increment();
    }
}
