package ai.stratum.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;

/** A load run's {@code --name value} options. */
public final class CommandLineOptions {

    private final Map<String, String> options;

    private CommandLineOptions(Map<String, String> options) {
        this.options = options;
    }

    public static CommandLineOptions parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs; " + args[args.length - 1] + " has no value");
        }
        return new CommandLineOptions(options);
    }

    public String get(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** An integer option; underscores may group digits ({@code 10_000_000}). */
    public long number(String name, long otherwise) {
        String value = get(name, null);
        return value == null ? otherwise : Long.parseLong(value.replace("_", ""));
    }
}
