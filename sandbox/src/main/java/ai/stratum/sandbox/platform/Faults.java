package ai.stratum.sandbox.platform;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The faults queued for one simulated platform, each for a number of requests, taken in order. Thread-safe. */
public final class Faults {

    private record Queued(Fault fault, int remaining) {
    }

    private final Deque<Queued> queue = new ArrayDeque<>();

    /**
     * @param fault    what to show
     * @param requests on how many of the next API requests
     */
    public synchronized void inject(Fault fault, int requests) {
        if (requests < 1) {
            throw new IllegalArgumentException("a fault must apply to at least one request: " + requests);
        }
        queue.add(new Queued(fault, requests));
    }

    /** @param fault what to show on the next API request only */
    public void inject(Fault fault) {
        inject(fault, 1);
    }

    /** Forgets every queued fault. */
    public synchronized void clear() {
        queue.clear();
    }

    /** @return the number of requests still to get a fault */
    public synchronized int pending() {
        return queue.stream().mapToInt(Queued::remaining).sum();
    }

    synchronized Optional<Fault> take() {
        Queued head = queue.poll();
        if (head == null) {
            return Optional.empty();
        }
        if (head.remaining() > 1) {
            queue.addFirst(new Queued(head.fault(), head.remaining() - 1));
        }
        return Optional.of(head.fault());
    }
}
