package ai.stratum.server.cdp.profile;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A profile's computed fields and traits, folded from its events. Merging two profiles combines
 * their states the way replaying both event streams into one would: counts and revenue add up,
 * first and last sightings widen, traits merge per trait by timestamp.
 *
 * @param revenueMicros total revenue per ISO currency code, exact
 */
public record ProfileState(UUID id, Instant createdAt, Instant firstSeen, Instant lastSeen, long eventCount, long orderCount,
                           Map<String, Long> revenueMicros, Traits traits) {

    public ProfileState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        revenueMicros = Map.copyOf(revenueMicros);
        Objects.requireNonNull(traits, "traits");
    }

    /** A profile created by {@code first}, its first event. */
    public static ProfileState createdBy(UUID id, Instant createdAt, ProfileActivity first, TraitMerger merger) {
        ProfileState empty = new ProfileState(id, createdAt, first.at(), first.at(), 0, 0, Map.of(), Traits.none());
        return empty.record(first, merger);
    }

    public ProfileState record(ProfileActivity activity, TraitMerger merger) {
        Map<String, Long> revenue = new TreeMap<>(revenueMicros);
        activity.purchase().flatMap(purchase -> purchase.revenueMicros().map(micros -> Map.entry(purchase.currency(), micros)))
                .ifPresent(amount -> revenue.merge(amount.getKey(), amount.getValue(), Math::addExact));
        return new ProfileState(id, createdAt, earlier(firstSeen, activity.at()), later(lastSeen, activity.at()), eventCount + 1,
                orderCount + (activity.purchase().isPresent() ? 1 : 0), revenue, merger.merge(traits, activity.traits()));
    }

    /** This profile, the survivor, with {@code merged} folded in; keeps this one's id and creation time. */
    public ProfileState absorb(ProfileState merged, TraitMerger merger) {
        Map<String, Long> revenue = new TreeMap<>(revenueMicros);
        merged.revenueMicros.forEach((currency, micros) -> revenue.merge(currency, micros, Math::addExact));
        return new ProfileState(id, createdAt, earlier(firstSeen, merged.firstSeen), later(lastSeen, merged.lastSeen),
                eventCount + merged.eventCount, orderCount + merged.orderCount, revenue, merger.merge(traits, merged.traits));
    }

    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }
}
