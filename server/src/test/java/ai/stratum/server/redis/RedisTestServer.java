package ai.stratum.server.redis;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Redis the tests talk to: a throwaway container where Docker is available, otherwise the
 * server at {@code STRATUM_TEST_REDIS_URL} (default {@code redis://127.0.0.1:6379}). One per test
 * JVM; each test run separates its data with its own key prefix (see {@link RedisTestRun}).
 */
public final class RedisTestServer {

    public static final String URL_VARIABLE = "STRATUM_TEST_REDIS_URL";
    private static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    private static final DockerImageName IMAGE = DockerImageName.parse("redis:7-alpine");
    private static final int REDIS_PORT = 6379;

    private static String url;

    private RedisTestServer() {
    }

    public static synchronized String url() {
        if (url == null) {
            url = DockerClientFactory.instance().isDockerAvailable() ? startContainer() : configuredUrl();
        }
        return url;
    }

    private static String configuredUrl() {
        String configured = System.getenv(URL_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_URL : configured;
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers removes it at exit
    private static String startContainer() {
        GenericContainer<?> redis = new GenericContainer<>(IMAGE)
                .withExposedPorts(REDIS_PORT)
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
        redis.start();
        return "redis://" + redis.getHost() + ":" + redis.getMappedPort(REDIS_PORT);
    }
}
