package ai.stratum.server.ml.models;

import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.ml.cache.MlCacheGeneration;
import ai.stratum.server.ml.training.ModelArtifact;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.pubsub.PubSub;
import ai.stratum.server.tenancy.TenantId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Which model answers a tenant's predictions, ready to use: the tenant's active version, else the default.
 *
 * <p>Two caches keep the database off the prediction path: which version is active (for
 * {@code stratum.ml.active-model-ttl}, 30 s by default) and the decoded models themselves (the newest
 * {@value #LOADED_MODELS}). A registration or activation clears the first on every instance at once,
 * through pub/sub; the TTL bounds how long an instance that missed the message keeps answering with the
 * previous version. Decoding a stored model takes milliseconds of CPU, so it runs on its own small
 * scheduler, never on an I/O thread.
 */
@Singleton
public class ModelCatalog {

    static final String CHANNEL = "ml-model-activated";
    static final int LOADED_MODELS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);

    private final Database database;
    private final ModelRegistryRepository registry;
    private final DefaultModels defaults;
    private final PubSub pubSub;
    private final MlCacheGeneration generations;
    private final Cache<ActiveKey, Optional<ModelInfo>> activeVersions;
    private final Cache<LoadedKey, TrainedModel> loaded;
    private final Scheduler decoding = Schedulers.newBoundedElastic(2, 100, "ml-model-decoding", 60, true);
    private Disposable subscription;

    public ModelCatalog(Database database, ModelRegistryRepository registry, DefaultModels defaults, PubSub pubSub,
                        MlCacheGeneration generations, @Value("${stratum.ml.active-model-ttl:30s}") Duration activeModelTtl) {
        this.database = database;
        this.registry = registry;
        this.defaults = defaults;
        this.pubSub = pubSub;
        this.generations = generations;
        this.activeVersions = Caffeine.newBuilder().expireAfterWrite(activeModelTtl).maximumSize(10_000).build();
        this.loaded = Caffeine.newBuilder().maximumSize(LOADED_MODELS).build();
    }

    @EventListener
    void listen(StartupEvent event) {
        subscription = pubSub.subscribe(CHANNEL)
                .retryWhen(reactor.util.retry.Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30)))
                .subscribe(this::forget, e -> LOG.warn("event=model_activation_feed_failed error=\"{}\"", e.toString()));
    }

    @PreDestroy
    void close() {
        if (subscription != null) {
            subscription.dispose();
        }
        decoding.dispose();
    }

    /**
     * @return the model answering the tenant's predictions of this type
     * @throws ApiException UNAVAILABLE when the tenant has no active model and this build has no default
     */
    public Mono<TrainedModel> answering(TenantId tenant, ModelType type) {
        ActiveKey key = new ActiveKey(tenant.value(), type);
        Optional<ModelInfo> cached = activeVersions.getIfPresent(key);
        Mono<Optional<ModelInfo>> active = cached != null ? Mono.just(cached)
                : database.inTenantOne(tenant, connection -> registry.active(connection, tenant, type))
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .doOnNext(found -> activeVersions.put(key, found));
        return active.flatMap(info -> info.isPresent() ? load(tenant, info.get()) : defaultModel(type));
    }

    /** @return the default model of a type, marked active when the tenant has no active version */
    public Optional<ModelInfo> defaultInfo(ModelType type) {
        return defaults.get(type).map(TrainedModel::info);
    }

    /**
     * Forgets which version is active for a tenant and type, here and on every other instance, and marks the
     * tenant's cached predictions of the type stale ({@code MlCacheGeneration}), as seed 001 asks on retraining.
     */
    public Mono<Void> activated(TenantId tenant, ModelType type) {
        forget(tenant + ":" + type.name());
        return generations.bump(tenant, ai.stratum.server.ml.inference.ModelType.valueOf(type.name()))
                .onErrorResume(e -> {
                    // the revision in the cache key still moves on once the active version is looked up again
                    LOG.warn("event=model_cache_bump_failed tenant={} type={} error=\"{}\"", tenant, type, e.toString());
                    return Mono.empty();
                })
                .then(pubSub.publish(CHANNEL, tenant + ":" + type.name()))
                .onErrorResume(e -> {
                    // the other instances' caches expire within the TTL anyway
                    LOG.warn("event=model_activation_publish_failed tenant={} type={} error=\"{}\"", tenant, type, e.toString());
                    return Mono.empty();
                });
    }

    private void forget(String message) {
        int colon = message.indexOf(':');
        if (colon > 0) {
            try {
                activeVersions.invalidate(new ActiveKey(UUID.fromString(message.substring(0, colon)),
                        ModelType.valueOf(message.substring(colon + 1))));
            } catch (IllegalArgumentException e) {
                LOG.warn("event=model_activation_message_unreadable message=\"{}\"", message);
            }
        }
    }

    private Mono<TrainedModel> defaultModel(ModelType type) {
        return defaults.get(type).map(Mono::just).orElseGet(() -> Mono.error(ApiException.unavailable(
                "No " + type + " model is available: this tenant has not trained one, and this server was built "
                        + "without default models (its build skipped the test sources that train them). Train one "
                        + "with trainModel(type: " + type + "), or rebuild the server without -Dmaven.test.skip.")));
    }

    private Mono<TrainedModel> load(TenantId tenant, ModelInfo info) {
        LoadedKey key = new LoadedKey(tenant.value(), info.type(), info.version(), info.revision());
        TrainedModel model = loaded.getIfPresent(key);
        if (model != null) {
            return Mono.just(model);
        }
        return database.inTenantOne(tenant, connection -> registry.artifact(connection, tenant, info.type(), info.version()))
                .publishOn(decoding)
                .map(bytes -> TrainedModel.of(info, ModelArtifact.fromBytes(bytes)))
                .doOnNext(decoded -> loaded.put(key, decoded));
    }

    private record ActiveKey(UUID tenant, ModelType type) {
    }

    private record LoadedKey(UUID tenant, ModelType type, int version, String revision) {
    }
}
