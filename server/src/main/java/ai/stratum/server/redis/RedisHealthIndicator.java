package ai.stratum.server.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code redis} in {@code /health}: a PING when Redis is configured, and always UP in
 * in-process mode, where there is nothing that could be down. Reported either way so an
 * operator sees which mode a server runs in.
 */
@Singleton
public class RedisHealthIndicator implements HealthIndicator {

    static final String NAME = "redis";

    /** Well below a load balancer's health-check timeout, so a hung Redis reads as DOWN, not as a hung server. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final CoordinationMode mode;
    private final BeanProvider<StatefulRedisConnection<String, String>> connection;

    public RedisHealthIndicator(CoordinationMode mode,
                                BeanProvider<StatefulRedisConnection<String, String>> connection) {
        this.mode = mode;
        this.connection = connection;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (!mode.usesRedis()) {
            return Mono.just(HealthResult.builder(NAME, HealthStatus.UP)
                    .details(Map.of("mode", "in-process"))
                    .build());
        }
        return ping(connection.get());
    }

    /** Package-visible so a test can point it at a connection it breaks on purpose. */
    Mono<HealthResult> ping(StatefulRedisConnection<String, String> redis) {
        String url = mode.redisUrl().map(RedisUrl::redacted).orElse("");
        return Mono.defer(() -> redis.reactive().ping())
                .timeout(PING_TIMEOUT)
                .map(pong -> HealthResult.builder(NAME, HealthStatus.UP).details(details(url, null)).build())
                // A failed PING is the answer this indicator exists to give, not an error to propagate.
                .onErrorResume(error -> Mono.just(HealthResult.builder(NAME, HealthStatus.DOWN)
                        .details(details(url, error))
                        .build()));
    }

    private static Map<String, Object> details(String url, Throwable error) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", "redis");
        details.put("url", url);
        if (error != null) {
            details.put("error", error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()));
        }
        return details;
    }
}
