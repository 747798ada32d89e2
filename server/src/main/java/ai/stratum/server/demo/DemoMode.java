package ai.stratum.server.demo;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the server runs the sandbox and its demo tenant: {@code STRATUM_DEMO} is {@code auto}
 * (the default: on with the embedded database, off with {@code DATABASE_URL}), {@code on} or
 * {@code off}.
 */
public final class DemoMode {

    static final String VARIABLE = "STRATUM_DEMO";

    private DemoMode() {
    }

    /**
     * @param env the environment
     * @return whether the demo runs
     * @throws IllegalArgumentException naming the variable when its value is none of the three
     */
    public static boolean enabled(Map<String, String> env) {
        String value = env.getOrDefault(VARIABLE, "auto").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> {
                String database = env.get("DATABASE_URL");
                yield database == null || database.isBlank();
            }
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(VARIABLE + " must be auto, on or off (was '" + value + "')");
        };
    }
}
