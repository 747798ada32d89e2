package ai.stratum.benchmarks.connectors;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server under measurement, in a JVM of its own with a capped heap, so what it uses is measured
 * apart from the sandbox and the benchmark: started from its runnable jar, with JMX open on a local
 * port for {@link HeapProbe} and a GC log, its output in files under the run's directory.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final URI baseUrl;
    private final int jmxPort;
    private final Path directory;

    private ServerProcess(Process process, URI baseUrl, int jmxPort, Path directory) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.jmxPort = jmxPort;
        this.directory = directory;
    }

    /**
     * @param serverJar the runnable server jar (its plugins directory beside it)
     * @param maxHeap   the {@code -Xmx} value, for example {@code 256m}
     * @param env       the server's environment (its port is added)
     * @param jvmOptions more JVM options, for example a flight recording
     * @param directory where its output and GC log go
     */
    static ServerProcess start(Path serverJar, String maxHeap, List<String> jvmOptions, Map<String, String> env, Path directory)
            throws IOException, InterruptedException {
        int port = freePort();
        int jmxPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap,
                "-Xlog:gc:file=" + directory.resolve("gc.log") + ":uptime",
                "-Dcom.sun.management.jmxremote.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", serverJar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(directory.resolve("server.out").toFile())
                .redirectError(directory.resolve("server.err").toFile());
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        ServerProcess server = new ServerProcess(builder.start(), URI.create("http://127.0.0.1:" + port), jmxPort, directory);
        // a benchmark stopped with Ctrl-C must not leave its server running
        Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroyForcibly, "stop-benchmarked-server"));
        server.awaitHealthy(Duration.ofMinutes(3));
        return server;
    }

    URI baseUrl() {
        return baseUrl;
    }

    int jmxPort() {
        return jmxPort;
    }

    /** @return its GC log: one line per collection, stamped with the JVM's uptime */
    Path gcLog() {
        return directory.resolve("gc.log");
    }

    private void awaitHealthy(Duration patience) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped at start (exit " + process.exitValue() + "); see "
                        + directory.resolve("server.out") + " and server.err");
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(baseUrl.resolve("/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server was not healthy within " + patience + "; see " + directory.resolve("server.out"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
