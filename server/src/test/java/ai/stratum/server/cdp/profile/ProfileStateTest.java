package ai.stratum.server.cdp.profile;

import ai.stratum.server.cdp.identity.IdentifierCounts;
import ai.stratum.server.cdp.identity.IdentifierType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileStateTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final TraitMerger MERGER = TraitMerger.parse("");

    @Test
    void eventsWidenTheSightingsAndCount() {
        ProfileState state = ProfileState.createdBy(UUID.randomUUID(), T0, seen(100), MERGER)
                .record(seen(50), MERGER)
                .record(seen(300), MERGER);

        assertThat(state.firstSeen()).isEqualTo(T0.plusSeconds(50));
        assertThat(state.lastSeen()).isEqualTo(T0.plusSeconds(300));
        assertThat(state.eventCount()).isEqualTo(3);
        assertThat(state.orderCount()).isZero();
    }

    @Test
    void ordersAddUpExactlyPerCurrency() {
        ProfileState state = ProfileState.createdBy(UUID.randomUUID(), T0, order(14_990_000L, "USD"), MERGER)
                .record(order(10_000L, "USD"), MERGER)
                .record(order(5_000_000L, "EUR"), MERGER)
                .record(new ProfileActivity(T0, Traits.none(), Optional.of(new Purchase(Optional.empty(), "USD"))), MERGER);

        assertThat(state.orderCount()).isEqualTo(4);
        assertThat(state.revenueMicros()).containsExactlyInAnyOrderEntriesOf(Map.of("USD", 15_000_000L, "EUR", 5_000_000L));
    }

    @Test
    void absorbingAProfileIsReplayingBothStreams() {
        UUID survivorId = UUID.randomUUID();
        ProfileState survivor = ProfileState.createdBy(survivorId, T0, withTrait(200, "plan", "pro"), MERGER)
                .record(order(1_000_000L, "USD"), MERGER);
        ProfileState merged = ProfileState.createdBy(UUID.randomUUID(), T0.plusSeconds(5), withTrait(100, "plan", "free"), MERGER)
                .record(withTrait(150, "city", "Oslo"), MERGER)
                .record(order(2_000_000L, "USD"), MERGER);

        ProfileState together = survivor.absorb(merged, MERGER);

        assertThat(together.id()).isEqualTo(survivorId);
        assertThat(together.createdAt()).isEqualTo(T0);
        assertThat(together.eventCount()).isEqualTo(5);
        assertThat(together.orderCount()).isEqualTo(2);
        assertThat(together.revenueMicros()).containsEntry("USD", 3_000_000L);
        assertThat(together.firstSeen()).isEqualTo(T0.plusSeconds(0));
        assertThat(together.traits().values()).containsEntry("plan", "pro").containsEntry("city", "Oslo");
    }

    @Test
    void anOlderEventDoesNotOverwriteANewerTrait() {
        ProfileState state = ProfileState.createdBy(UUID.randomUUID(), T0, withTrait(500, "plan", "pro"), MERGER)
                .record(withTrait(100, "plan", "free"), MERGER);

        assertThat(state.traits().values()).containsEntry("plan", "pro");
    }

    @ParameterizedTest(name = "userIds={0} emails={1} phones={2} anonymous={3} orders={4} -> {5}")
    @CsvSource({
            "0, 0, 0, 1, 0, ANONYMOUS",
            "0, 0, 0, 0, 0, ANONYMOUS",
            "1, 0, 0, 1, 0, KNOWN",
            "0, 1, 0, 0, 0, KNOWN",
            "0, 0, 1, 0, 0, KNOWN",
            "0, 0, 0, 1, 1, CUSTOMER",
            "1, 1, 0, 1, 3, CUSTOMER"})
    void lifecycleFollowsIdentifiersAndOrders(int userIds, int emails, int phones, int anonymous, long orders, Lifecycle expected) {
        IdentifierCounts counts = IdentifierCounts.none().plus(IdentifierType.USER_ID, userIds).plus(IdentifierType.EMAIL, emails)
                .plus(IdentifierType.PHONE, phones).plus(IdentifierType.ANONYMOUS_ID, anonymous);

        assertThat(Lifecycle.of(counts, orders)).isEqualTo(expected);
    }

    @Test
    void externalAndClickIdsAloneDoNotMakeAProfileKnown() {
        IdentifierCounts counts = IdentifierCounts.none().plus(IdentifierType.EXTERNAL_ID, 1).plus(IdentifierType.CLICK_ID, 2);

        assertThat(Lifecycle.of(counts, 0)).isEqualTo(Lifecycle.ANONYMOUS);
    }

    private static ProfileActivity seen(long second) {
        return new ProfileActivity(T0.plusSeconds(second), Traits.none(), Optional.empty());
    }

    private static ProfileActivity order(long micros, String currency) {
        return new ProfileActivity(T0, Traits.none(), Optional.of(new Purchase(Optional.of(micros), currency)));
    }

    private static ProfileActivity withTrait(long second, String trait, Object value) {
        return new ProfileActivity(T0.plusSeconds(second), Traits.observed(Map.of(trait, value), T0.plusSeconds(second)), Optional.empty());
    }
}
