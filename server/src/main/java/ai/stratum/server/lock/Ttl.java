package ai.stratum.server.lock;

import java.time.Duration;
import java.util.Objects;

/** The TTL argument rule both lock implementations share, so both reject the same inputs. */
final class Ttl {

    private Ttl() {
    }

    static Duration requirePositive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        return ttl;
    }

    /** Redis expiries are whole milliseconds; rounding up keeps a sub-millisecond TTL from meaning "never". */
    static long millisRoundedUp(Duration ttl) {
        Duration checked = requirePositive(ttl);
        long millis = checked.toMillis();
        return checked.equals(Duration.ofMillis(millis)) ? millis : millis + 1;
    }

    /** Nanoseconds, capped so that adding them to {@link System#nanoTime()} stays meaningful. */
    static long nanos(Duration ttl) {
        Duration checked = requirePositive(ttl);
        return checked.compareTo(MAX_NANOS) > 0 ? MAX_NANOS.toNanos() : checked.toNanos();
    }

    // About 146 years: far beyond any lease, far below the overflow of nanoTime arithmetic.
    private static final Duration MAX_NANOS = Duration.ofNanos(Long.MAX_VALUE / 2);
}
