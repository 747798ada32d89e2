package ai.stratum.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** A load run's {@code --name value} command-line options. */
final class RunOptions {

    private final Map<String, String> values;

    private RunOptions(Map<String, String> values) {
        this.values = values;
    }

    static RunOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new RunOptions(values);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** An integer option; underscores may group digits ({@code 10_000_000}). */
    long number(String name, long otherwise) {
        String value = values.get(name);
        return value == null ? otherwise : Long.parseLong(value.replace("_", ""));
    }
}
