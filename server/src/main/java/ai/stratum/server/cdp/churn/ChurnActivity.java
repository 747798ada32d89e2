package ai.stratum.server.cdp.churn;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One profile's activity before a cutoff, what the churn model reads. Counts include the events of
 * profiles merged into it.
 *
 * @param firstSeen   its first event
 * @param lastSeen    its last event before the cutoff
 * @param events      events before the cutoff
 * @param last7       of them, in the 7 days before it
 * @param last30      in the 30 days before it
 * @param last90      in the 90 days before it
 * @param orders      order events before the cutoff
 * @param orders90    order events in the 90 days before it
 * @param activeDays30 distinct UTC days with an event in the 30 days before it
 */
public record ChurnActivity(UUID profileId, Instant firstSeen, Instant lastSeen, long events, long last7, long last30, long last90,
                            long orders, long orders90, long activeDays30) {

    /** The model's inputs, in {@link #FEATURES} order, measured at {@code cutoff}. */
    public double[] features(Instant cutoff) {
        return new double[] {
                days(lastSeen, cutoff),
                days(firstSeen, cutoff),
                Math.log1p(events),
                last7,
                last30,
                last90,
                orders,
                orders90,
                activeDays30};
    }

    /** The names of {@link #features}'s columns. */
    public static final String[] FEATURES = {"days_since_last", "tenure_days", "log_events", "events_7d", "events_30d", "events_90d",
            "orders", "orders_90d", "active_days_30d"};

    private static double days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes() / 1440.0);
    }
}
