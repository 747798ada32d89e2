package ai.stratum.server.autopilot.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The days a campaign with a lifetime budget runs, in the account's time zone. Budget pacing
 * spreads a lifetime budget evenly over these days.
 *
 * @param start the first day
 * @param end   the last day, inclusive; not before the first
 */
public record Flight(LocalDate start, LocalDate end) {

    /**
     * Creates a flight.
     *
     * @throws IllegalArgumentException when the last day is before the first
     */
    public Flight {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("flight ends " + end + " before it starts " + start);
        }
    }
}
