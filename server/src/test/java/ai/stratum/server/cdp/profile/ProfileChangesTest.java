package ai.stratum.server.cdp.profile;

import ai.stratum.server.cdp.identity.EventIdentity;
import ai.stratum.server.cdp.identity.GraphSnapshot;
import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierCounts;
import ai.stratum.server.cdp.identity.IdentifierType;
import ai.stratum.server.cdp.identity.IdentityLimits;
import ai.stratum.server.cdp.identity.IdentityResolver;
import ai.stratum.server.cdp.identity.ProfileNode;
import ai.stratum.server.cdp.identity.Resolution;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Folding a resolved batch into profile states: merged profiles' states and the batch's events end up on the survivor. */
class ProfileChangesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final TraitMerger MERGER = TraitMerger.parse("");
    private static final Identifier LAPTOP = new Identifier(IdentifierType.ANONYMOUS_ID, "laptop");
    private static final Identifier PHONE = new Identifier(IdentifierType.ANONYMOUS_ID, "phone");
    private static final Identifier USER = new Identifier(IdentifierType.USER_ID, "u1");

    private final UUID older = UUID.randomUUID();
    private final UUID newer = UUID.randomUUID();

    @Test
    void aMergeAddsTheMergedProfilesHistoryAndTheEventToTheSurvivor() {
        ProfileState olderState = state(older, NOW.minusSeconds(7200), 3, Map.of("USD", 1_000_000L), "plan", "free", NOW.minusSeconds(7000));
        ProfileState newerState = state(newer, NOW.minusSeconds(3600), 2, Map.of("USD", 500_000L), "plan", "pro", NOW.minusSeconds(3000));
        GraphSnapshot snapshot = new GraphSnapshot(Map.of(LAPTOP, older, USER, older, PHONE, newer), Map.of(
                older, new ProfileNode(older, olderState.createdAt(), IdentifierCounts.of(List.of(LAPTOP, USER))),
                newer, new ProfileNode(newer, newerState.createdAt(), IdentifierCounts.of(List.of(PHONE)))));
        Resolution resolution = resolve(snapshot, event(NOW, PHONE, USER));

        Map<UUID, ProfileState> states = ProfileChanges.fold(Map.of(older, olderState, newer, newerState), resolution,
                List.of(new ProfileActivity(NOW, Traits.observed(Map.of("city", "Oslo"), NOW), Optional.empty())), MERGER);

        assertThat(states).containsOnlyKeys(older);
        ProfileState survivor = states.get(older);
        assertThat(survivor.eventCount()).isEqualTo(6);
        assertThat(survivor.revenueMicros()).containsEntry("USD", 1_500_000L);
        assertThat(survivor.traits().values()).containsEntry("plan", "pro").containsEntry("city", "Oslo");
        assertThat(survivor.createdAt()).isEqualTo(olderState.createdAt());
        assertThat(survivor.lastSeen()).isEqualTo(NOW);
    }

    @Test
    void aNewProfileStartsFromItsFirstEvent() {
        Resolution resolution = resolve(GraphSnapshot.empty(), event(NOW.minusSeconds(60), LAPTOP), event(NOW, LAPTOP));

        Map<UUID, ProfileState> states = ProfileChanges.fold(Map.of(), resolution, List.of(
                new ProfileActivity(NOW.minusSeconds(60), Traits.none(), Optional.empty()),
                new ProfileActivity(NOW, Traits.none(), Optional.of(new Purchase(Optional.of(2_000_000L), "EUR")))), MERGER);

        ProfileState created = states.values().iterator().next();
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.firstSeen()).isEqualTo(NOW.minusSeconds(60));
        assertThat(created.eventCount()).isEqualTo(2);
        assertThat(created.orderCount()).isEqualTo(1);
        assertThat(ProfileChanges.mergedOnArrival(resolution)).isEmpty();
    }

    @Test
    void profilesCreatedAndMergedInOneBatchAreAliasesOnArrival() {
        Resolution resolution = resolve(GraphSnapshot.empty(), event(NOW, LAPTOP), event(NOW, PHONE), event(NOW, LAPTOP, PHONE));

        Map<UUID, ProfileState> states = ProfileChanges.fold(Map.of(), resolution,
                List.of(activity(), activity(), activity()), MERGER);

        assertThat(states).hasSize(1);
        assertThat(states.values().iterator().next().eventCount()).isEqualTo(3);
        assertThat(ProfileChanges.mergedOnArrival(resolution)).hasSize(1);
    }

    private static Resolution resolve(GraphSnapshot snapshot, EventIdentity... events) {
        return new IdentityResolver(new IdentityLimits(1, 5, 2), UUID::randomUUID).resolve(snapshot, List.of(events), NOW);
    }

    private static EventIdentity event(Instant at, Identifier... identifiers) {
        return new EventIdentity(List.of(identifiers), Optional.empty(), at);
    }

    private static ProfileActivity activity() {
        return new ProfileActivity(NOW, Traits.none(), Optional.empty());
    }

    private static ProfileState state(UUID id, Instant createdAt, long events, Map<String, Long> revenue, String trait, Object value,
                                      Instant observedAt) {
        return new ProfileState(id, createdAt, createdAt, observedAt, events, revenue.isEmpty() ? 0 : 1, revenue,
                Traits.observed(Map.of(trait, value), observedAt));
    }
}
