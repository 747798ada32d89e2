package ai.stratum.benchmarks.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * When each timed round of a load run ran, one line per round ({@code phase startMillis endMillis events},
 * wall-clock milliseconds since the epoch), so that CPU samples taken beside the run by another process
 * ({@code benchmarks/scripts/process-cpu.py}) can be split by phase exactly, without guessing the rounds'
 * edges from who happened to be busy.
 */
final class PhaseLog implements AutoCloseable {

    private final Optional<PrintWriter> out;

    private PhaseLog(Optional<PrintWriter> out) {
        this.out = out;
    }

    /** Logs into {@code path}, or nowhere when it is empty. */
    static PhaseLog to(Optional<String> path) throws IOException {
        return new PhaseLog(path.isEmpty() ? Optional.empty()
                : Optional.of(new PrintWriter(Files.newBufferedWriter(Path.of(path.get()), StandardCharsets.UTF_8))));
    }

    /** Runs a timed round and logs when it ran; returns what the round returns. */
    <T> T round(String phase, long events, Callable<T> timed) throws Exception {
        long started = System.currentTimeMillis();
        T result = timed.call();
        long ended = System.currentTimeMillis();
        out.ifPresent(log -> log.printf(Locale.ROOT, "%s %d %d %d%n", phase, started, ended, events));
        return result;
    }

    /** Closes the file; a write that failed (PrintWriter keeps such errors to itself) fails here. */
    @Override
    public void close() throws IOException {
        if (out.isPresent()) {
            out.get().close();
            if (out.get().checkError()) {
                throw new IOException("the phase log could not be written");
            }
        }
    }
}
