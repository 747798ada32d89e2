package ai.stratum.server.ml.cache;

import ai.stratum.server.cache.Cache;
import ai.stratum.server.ml.inference.ModelType;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link MlCache} does over every {@link Cache} implementation: a subclass supplies the cache.
 */
abstract class MlCacheContract {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final CachedOperation FORECAST = CachedOperation.fromTenantData("forecast", "v1", CacheLifetime.ROAS);
    static final CachedOperation ROAS = CachedOperation.fromModel("predictRoas", "model-7", CacheLifetime.REAL_TIME, ModelType.ROAS);
    static final Argument<Result> RESULT = Argument.of(Result.class);

    @Serdeable
    record Result(double value, List<String> notes) {
    }

    protected abstract Cache newCache();

    private final AtomicInteger computations = new AtomicInteger();
    private SimpleMeterRegistry meters;
    private CacheGenerations generations;
    private MlCache cache;
    private TenantId tenant;

    @BeforeEach
    void newMlCache() {
        meters = new SimpleMeterRegistry();
        cache = mlCache(newCache(), Duration.ofMinutes(30));
        tenant = new TenantId(UUID.randomUUID());
    }

    MlCache mlCache(Cache backing, Duration roasTtl) {
        CacheLifetimes lifetimes = new CacheLifetimes(roasTtl, Duration.ofMinutes(15), Duration.ofHours(24));
        generations = new CacheGenerations(backing, lifetimes);
        return new MlCache(backing, generations, lifetimes, JsonMapper.createDefault(), meters);
    }

    @Test
    void computesOnceAndServesTheCachedResultAfter() {
        Result first = get(cache, FORECAST, Map.of("days", 7));
        Result second = get(cache, FORECAST, Map.of("days", 7));

        assertThat(second).isEqualTo(first).isEqualTo(new Result(1, List.of("computation 1")));
        assertThat(computations).hasValue(1);
        assertThat(meters.counter("stratum.ml.cache.requests", "operation", "forecast", "result", "hit").count()).isEqualTo(1);
        assertThat(meters.counter("stratum.ml.cache.requests", "operation", "forecast", "result", "miss").count()).isEqualTo(1);
    }

    @Test
    void keysByTheInputsCanonicalForm() {
        get(cache, FORECAST, Map.of("days", 7, "level", "CAMPAIGN"));
        get(cache, FORECAST, Map.of("level", "CAMPAIGN", "days", 7.0));
        get(cache, FORECAST, Map.of("level", "CAMPAIGN", "days", 8));

        assertThat(computations).hasValue(2);
    }

    @Test
    void keepsTenantsOperationsAndVersionsApart() {
        get(cache, FORECAST, Map.of("days", 7));
        tenant = new TenantId(UUID.randomUUID());
        get(cache, FORECAST, Map.of("days", 7));
        get(cache, CachedOperation.fromTenantData("forecast", "v2", CacheLifetime.ROAS), Map.of("days", 7));
        get(cache, CachedOperation.fromTenantData("simulateBudget", "v1", CacheLifetime.ROAS), Map.of("days", 7));

        assertThat(computations).hasValue(4);
    }

    @Test
    void recomputesAfterTheTenantsDataChanged() {
        get(cache, FORECAST, Map.of("days", 7));
        get(cache, ROAS, Map.of("ctr", 0.02));

        generations.bumpData(tenant).block(TIMEOUT);

        get(cache, FORECAST, Map.of("days", 7));
        get(cache, ROAS, Map.of("ctr", 0.02));
        assertThat(computations).as("the model's prediction depends on its input only").hasValue(3);
    }

    @Test
    void recomputesAModelsPredictionsAfterItWasRetrained() {
        get(cache, FORECAST, Map.of("days", 7));
        get(cache, ROAS, Map.of("ctr", 0.02));
        CachedOperation conversion = CachedOperation.fromModel("predictConversion", "m1", CacheLifetime.REAL_TIME, ModelType.CONVERSION);
        get(cache, conversion, Map.of("pagesViewed", 3));

        generations.bump(tenant, ModelType.ROAS).block(TIMEOUT);
        get(cache, FORECAST, Map.of("days", 7));
        get(cache, ROAS, Map.of("ctr", 0.02));
        get(cache, conversion, Map.of("pagesViewed", 3));

        assertThat(computations).hasValue(4);
    }

    @Test
    void recomputesOnceTheLifetimeHasPassed() throws InterruptedException {
        MlCache shortLived = mlCache(newCache(), Duration.ofMillis(300));
        get(shortLived, FORECAST, Map.of("days", 7));
        get(shortLived, FORECAST, Map.of("days", 7));
        assertThat(computations).hasValue(1);

        Thread.sleep(600);

        get(shortLived, FORECAST, Map.of("days", 7));
        assertThat(computations).hasValue(2);
    }

    @Test
    void cachesNothingWhenTheComputationIsEmptyOrFails() {
        assertThat(cache.get(FORECAST, tenant, Map.of("days", 1), RESULT, Mono::empty).blockOptional(TIMEOUT)).isEmpty();
        Mono<Result> failing = cache.get(FORECAST, tenant, Map.of("days", 2), RESULT, () -> Mono.error(new IllegalStateException("boom")));
        assertThat(failing.onErrorResume(e -> Mono.just(new Result(-1, List.of(e.getMessage())))).block(TIMEOUT))
                .isEqualTo(new Result(-1, List.of("boom")));

        get(cache, FORECAST, Map.of("days", 1));
        get(cache, FORECAST, Map.of("days", 2));
        assertThat(computations).hasValue(2);
    }

    @Test
    void recomputesAndOverwritesAnEntryItCannotRead() {
        Cache backing = newCache();
        MlCache withBacking = mlCache(backing, Duration.ofMinutes(30));
        get(withBacking, FORECAST, Map.of("days", 7));
        String key = "ml:forecast:v1:" + tenant + ":0:-:" + CanonicalJson.sha256(Map.of("days", 7));
        backing.put(key, "{not json", Duration.ofMinutes(1)).block(TIMEOUT);

        assertThat(get(withBacking, FORECAST, Map.of("days", 7)).notes()).containsExactly("computation 2");
        assertThat(get(withBacking, FORECAST, Map.of("days", 7)).notes()).containsExactly("computation 2");
    }

    Result get(MlCache on, CachedOperation operation, Object input) {
        return on.get(operation, tenant, input, RESULT, () -> Mono.fromSupplier(() -> {
            int n = computations.incrementAndGet();
            return new Result(n, List.of("computation " + n));
        })).block(TIMEOUT);
    }

    AtomicInteger computations() {
        return computations;
    }

    SimpleMeterRegistry meters() {
        return meters;
    }

    TenantId tenant() {
        return tenant;
    }
}
