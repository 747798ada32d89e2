package ai.stratum.server.cdp.profile;

import ai.stratum.server.cdp.identity.NewProfile;
import ai.stratum.server.cdp.identity.Resolution;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The new state of every live profile a batch touched: its stored state, the stored states of the
 * profiles merged into it, and the batch's events, folded together. Pure; the result is what the
 * repository writes.
 */
public final class ProfileChanges {

    private ProfileChanges() {
    }

    /**
     * @param stored     stored states of the existing profiles the resolution names (live and merged)
     * @param activities what each event of the batch adds, in the resolution's event order
     * @return the state of each live profile in {@code resolution.liveCounts()}
     */
    public static Map<UUID, ProfileState> fold(Map<UUID, ProfileState> stored, Resolution resolution, List<ProfileActivity> activities,
                                               TraitMerger merger) {
        if (activities.size() != resolution.eventProfiles().size()) {
            throw new IllegalArgumentException("one activity per resolved event");
        }
        Map<UUID, Instant> createdAt = new HashMap<>();
        stored.forEach((id, state) -> createdAt.put(id, state.createdAt()));
        resolution.newProfiles().forEach(created -> createdAt.put(created.id(), created.createdAt()));

        Map<UUID, ProfileState> states = new HashMap<>();
        for (UUID live : resolution.liveCounts().keySet()) {
            Optional.ofNullable(stored.get(live)).ifPresent(state -> states.put(live, state));
        }
        resolution.mergedInto().entrySet().stream()
                .filter(merged -> stored.containsKey(merged.getKey()))
                .sorted(Comparator.comparing((Map.Entry<UUID, UUID> merged) -> stored.get(merged.getKey()).createdAt())
                        .thenComparing(Map.Entry::getKey))
                .forEach(merged -> {
                    UUID live = merged.getValue();
                    ProfileState absorbed = stored.get(merged.getKey());
                    states.merge(live, rebased(absorbed, live, createdAt.get(live)), (into, from) -> into.absorb(from, merger));
                });
        for (int i = 0; i < activities.size(); i++) {
            UUID live = resolution.eventProfiles().get(i);
            ProfileActivity activity = activities.get(i);
            ProfileState current = states.get(live);
            states.put(live, current == null
                    ? ProfileState.createdBy(live, createdAt.get(live), activity, merger)
                    : current.record(activity, merger));
        }
        states.keySet().retainAll(resolution.liveCounts().keySet());
        return states;
    }

    /**
     * A merged profile's state under the survivor's identity, for a survivor with no state of its
     * own yet: a profile created by this batch that is nevertheless older than the one it absorbs,
     * which only skewed clocks between server instances produce.
     */
    private static ProfileState rebased(ProfileState state, UUID id, Instant createdAt) {
        return new ProfileState(id, createdAt, state.firstSeen(), state.lastSeen(), state.eventCount(), state.orderCount(),
                state.revenueMicros(), state.traits());
    }

    /** Profiles created by the batch but merged within it: stored only as aliases of their survivor. */
    public static List<NewProfile> mergedOnArrival(Resolution resolution) {
        return resolution.newProfiles().stream().filter(created -> resolution.mergedInto().containsKey(created.id())).toList();
    }
}
