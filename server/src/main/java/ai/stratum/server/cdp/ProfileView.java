package ai.stratum.server.cdp;

import ai.stratum.server.cdp.profile.Lifecycle;
import ai.stratum.server.cdp.profile.ProfileState;
import ai.stratum.server.cdp.profile.StoredProfile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code Profile} as GraphQL shows it; identifiers and merged ids are loaded per request in batches. */
public record ProfileView(UUID id, Lifecycle lifecycle, Map<String, Object> traits, Instant firstSeen, Instant lastSeen, int eventCount,
                          int orderCount, List<MoneyView> totalRevenue, Instant createdAt, Instant updatedAt) {

    public static ProfileView of(StoredProfile stored) {
        ProfileState state = stored.state();
        return new ProfileView(state.id(), stored.lifecycle(), state.traits().values(), state.firstSeen(), state.lastSeen(),
                clamp(state.eventCount()), clamp(state.orderCount()),
                state.revenueMicros().entrySet().stream().map(amount -> MoneyView.of(amount.getValue(), amount.getKey())).toList(),
                state.createdAt(), stored.updatedAt());
    }

    private static int clamp(long count) {
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    /** {@code Money}: an exact amount in micro-units and, for display, in currency units. */
    public record MoneyView(double amount, long amountMicros, String currency) {

        static MoneyView of(long micros, String currency) {
            return new MoneyView(BigDecimal.valueOf(micros).movePointLeft(6).doubleValue(), micros, currency);
        }
    }
}
