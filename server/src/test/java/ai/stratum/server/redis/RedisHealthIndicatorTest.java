package ai.stratum.server.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedisHealthIndicatorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void isUpInProcessAndSaysSo() {
        RedisHealthIndicator indicator = new RedisHealthIndicator(new CoordinationMode(""), unusedConnection());

        HealthResult result = Mono.from(indicator.getResult()).block(TIMEOUT);

        assertThat(result.getName()).isEqualTo("redis");
        assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
        assertThat(result.getDetails()).isEqualTo(Map.of("mode", "in-process"));
    }

    @Test
    void isUpWhenRedisAnswersAPing() {
        RedisClient client = RedisClient.create(RedisTestServer.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisHealthIndicator indicator = new RedisHealthIndicator(modeWithPassword(), () -> connection);

            HealthResult result = Mono.from(indicator.getResult()).block(TIMEOUT);

            assertThat(result.getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(result)).containsEntry("mode", "redis").doesNotContainKey("error");
        } finally {
            client.shutdown();
        }
    }

    @Test
    void isDownWhenRedisDoesNotAnswerAndHidesThePassword() {
        RedisClient client = RedisClient.create(RedisTestServer.url());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            connection.close();
            RedisHealthIndicator indicator = new RedisHealthIndicator(modeWithPassword(), () -> connection);

            HealthResult result = Mono.from(indicator.getResult()).block(TIMEOUT);

            assertThat(result.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(details(result)).containsEntry("mode", "redis").containsKey("error");
            assertThat(details(result).toString()).doesNotContain("s3cret");
        } finally {
            client.shutdown();
        }
    }

    /** The test server's address with a password added, to check it never reaches the details. */
    private static CoordinationMode modeWithPassword() {
        URI url = URI.create(RedisTestServer.url());
        return new CoordinationMode(url.getScheme() + "://:s3cret@" + url.getHost() + ":" + url.getPort());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }

    private static BeanProvider<StatefulRedisConnection<String, String>> unusedConnection() {
        return () -> {
            throw new AssertionError("in-process mode must not touch Redis");
        };
    }
}
