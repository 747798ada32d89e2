package ai.stratum.plugins.google;

import java.util.ArrayList;
import java.util.List;

/** The raw answers of an action's platform calls, in the order made, for its {@code ActionResult}. */
final class ActionLog {

    private final List<String> bodies = new ArrayList<>();

    synchronized void record(String body) {
        bodies.add(body);
    }

    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }
}
