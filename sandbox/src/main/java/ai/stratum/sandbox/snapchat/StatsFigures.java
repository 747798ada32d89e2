package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The figures of a stats answer, and the completeness times Snap puts on every stats answer. */
final class StatsFigures {

    private StatsFigures() {
    }

    /** @return the {@code stats} object: the asked-for metrics summed over the outcomes, in Snap's units */
    static ObjectNode stats(List<String> fields, List<DayOutcome> outcomes) {
        ObjectNode stats = Json.object();
        for (String field : fields) {
            stats.put(field, outcomes.stream().mapToLong(outcome -> value(field, outcome)).sum());
        }
        return stats;
    }

    static long value(String field, DayOutcome outcome) {
        return switch (field) {
            case "impressions" -> outcome.impressions();
            case "swipes" -> outcome.clicks();
            case "spend" -> outcome.spendMicros();
            case "conversion_purchases" -> outcome.conversions();
            case "conversion_purchases_value" -> outcome.revenueMicros();
            default -> throw new IllegalArgumentException("not a simulated field: " + field);
        };
    }

    /**
     * Adds {@code finalized_data_end_time} and {@code conversion_data_processed_end_time}, in the
     * account's zone: the account's newest data cut to the hour, since Snap reports completeness in
     * whole hours. The simulation has no separate lag for conversions, so both are the same time.
     */
    static void completeness(ObjectNode stat, SimulatedAccount account) {
        ZonedDateTime newest = account.newestDataAt().atZone(account.zone()).truncatedTo(ChronoUnit.HOURS);
        stat.put("finalized_data_end_time", SnapTimes.local(newest))
                .put("conversion_data_processed_end_time", SnapTimes.local(newest));
    }
}
