package ai.stratum.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as an operator runs it, in a process of its own with the embedded database: a SIGTERM
 * (what {@code docker stop}, systemd and Ctrl-C send) stops it, and its embedded PostgreSQL with it.
 * The bounds below are not performance targets: they only tell a stop from a hang.
 */
class ShutdownTest {

    private static final Duration START_BOUND = Duration.ofMinutes(3);
    private static final Duration STOP_BOUND = Duration.ofMinutes(1);
    private static final int SIGTERM_EXIT = 128 + 15;

    @TempDir
    Path home;

    @Test
    void aSigtermStopsTheServerAndItsEmbeddedDatabase() throws Exception {
        Path log = home.resolve("server.log");
        Process server = start(log);
        try {
            awaitLine(server, log, "event=started graphql=");
            assertThat(Files.exists(home.resolve("pg").resolve("postmaster.pid")))
                    .as("the embedded database runs under STRATUM_HOME").isTrue();

            server.destroy();

            assertThat(server.waitFor(STOP_BOUND.toSeconds(), TimeUnit.SECONDS))
                    .as("the server exits after SIGTERM; its log:%n%s", tail(log)).isTrue();
            assertThat(server.exitValue()).isEqualTo(SIGTERM_EXIT);
            assertThat(Files.exists(home.resolve("pg").resolve("postmaster.pid")))
                    .as("the embedded database stopped with the server").isFalse();
        } finally {
            server.destroyForcibly();
        }
    }

    private Process start(Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Application.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("DATABASE_URL");
        env.remove("REDIS_URL");
        env.put("STRATUM_HOME", home.toString());
        env.put("STRATUM_DEMO", "off");
        env.put("STRATUM_ADMIN_PASSWORD", "correct-horse-battery-staple");
        env.put("PORT", "0");
        return builder.start();
    }

    private static void awaitLine(Process server, Path log, String fragment) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_BOUND);
        while (!Files.readString(log).contains(fragment)) {
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the server did not start; its log:\n" + tail(log));
            }
            Thread.sleep(200);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 4000));
    }
}
