package ai.stratum.server.cache;

import java.time.Duration;
import java.util.Objects;

/** The TTL argument rule both cache implementations share, so both reject the same inputs. */
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
}
