package ai.stratum.benchmarks.cdp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The server's heap as its own JVM reports it (Micrometer's JVM metrics on {@code /prometheus}, read from
 * the memory pool MXBeans): the heap in use now, which swings with every young collection, and the
 * old generation after the last collection ({@code jvm_gc_live_data_size_bytes}), which is what grows
 * when memory leaks.
 */
public final class ServerHeap {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI metrics;

    public ServerHeap(URI base) {
        this.metrics = base.resolve("/prometheus");
    }

    public Sample sample() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + metrics + " answered HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    static Sample parse(String prometheus) {
        long used = 0;
        long old = 0;
        boolean sawHeap = false;
        OptionalLong live = OptionalLong.empty();
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += value(line);
                sawHeap = true;
                if (line.contains("Old Gen") || line.contains("Tenured")) {
                    old += value(line);
                }
            } else if (line.startsWith("jvm_gc_live_data_size_bytes") && value(line) > 0) {
                live = OptionalLong.of(value(line)); // 0 until the first collection of the old generation
            }
        }
        if (!sawHeap) {
            throw new IllegalStateException("the server's metrics have no jvm_memory_used_bytes for the heap");
        }
        return new Sample(used, old, live);
    }

    private static long value(String line) {
        return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
    }

    /**
     * Bytes of heap in use, of them in the old generation, and of the old generation after its last
     * collection (empty until the server's first one).
     */
    public record Sample(long usedBytes, long oldGenBytes, OptionalLong afterGcBytes) {
    }
}
