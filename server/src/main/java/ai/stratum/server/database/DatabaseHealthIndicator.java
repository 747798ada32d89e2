package ai.stratum.server.database;

import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/** {@code /health}'s database check: a round trip through the application's own pool. */
@Singleton
public class DatabaseHealthIndicator implements HealthIndicator {

    private final ConnectionFactory connections;
    private final String description;

    public DatabaseHealthIndicator(ConnectionFactory connections,
                                   @Value("${stratum.database.description:PostgreSQL}") String description) {
        this.connections = connections;
        this.description = description;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Flux.usingWhen(connections.create(),
                        connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                                .flatMap(result -> result.map((row, meta) -> 1)),
                        connection -> connection.close())
                .then(Mono.just(result(HealthStatus.UP, Map.of("database", description))))
                .timeout(Duration.ofSeconds(3))
                .onErrorResume(e -> Mono.just(result(HealthStatus.DOWN,
                        Map.of("database", description, "error", e.getClass().getSimpleName()))));
    }

    private static HealthResult result(HealthStatus status, Map<String, String> details) {
        return HealthResult.builder("database", status).details(details).build();
    }
}
