package ai.stratum.server.ml.cli;

import java.util.List;

/** A CSV file that cannot be used: each problem names its line ({@code line 7: ctr: …}). */
final class MalformedCsvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** At most this many problems are kept: enough to fix a file by, not a wall of text. */
    static final int MAX_PROBLEMS = 20;

    private final List<String> problems;

    MalformedCsvException(String file, List<String> problems, int total) {
        super(file + ": " + total + " malformed " + (total == 1 ? "row" : "rows"), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** @return the problems, each starting with its line number, at most {@value #MAX_PROBLEMS} */
    List<String> problems() {
        return problems;
    }
}
