package ai.stratum.server.cdp.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static ai.stratum.server.cdp.identity.IdentifierType.ANONYMOUS_ID;
import static ai.stratum.server.cdp.identity.IdentifierType.CLICK_ID;
import static ai.stratum.server.cdp.identity.IdentifierType.EMAIL;
import static ai.stratum.server.cdp.identity.IdentifierType.PHONE;
import static ai.stratum.server.cdp.identity.IdentifierType.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The identity graph's rules as scenarios: each starts from a stored graph and resolves a batch. */
class IdentityResolverTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final IdentityLimits DEFAULT_LIMITS = new IdentityLimits(1, 5, 2);

    private final Map<Identifier, UUID> owners = new HashMap<>();
    private final Map<UUID, ProfileNode> profiles = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(0x1000);

    @Test
    void identifiersNeverSeenCreateOneProfile() {
        Resolution result = resolve(event(anonymous("a1"), user("u1")));

        assertThat(result.newProfiles()).hasSize(1);
        UUID created = result.newProfiles().get(0).id();
        assertThat(result.eventProfiles()).containsExactly(created);
        assertThat(result.assignments()).extracting(Assignment::identifier, Assignment::profile)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(anonymous("a1"), created),
                        org.assertj.core.groups.Tuple.tuple(user("u1"), created));
        assertThat(result.merges()).isEmpty();
        assertThat(result.liveCounts().get(created).of(USER_ID)).isEqualTo(1);
    }

    @Test
    void aLoginAttachesTheUserToTheBrowsingProfile() {
        UUID device = profile("device", 1, anonymous("a1"));

        Resolution result = resolve(event(anonymous("a1"), user("u1"), email("jane@example.com")));

        assertThat(result.eventProfiles()).containsExactly(device);
        assertThat(result.newProfiles()).isEmpty();
        assertThat(result.merges()).isEmpty();
        assertThat(result.assignments()).extracting(Assignment::profile).containsOnly(device);
        assertThat(result.liveCounts().get(device).identifiesAPerson()).isTrue();
    }

    @Test
    void twoDevicesOfOneUserMergeOnLoginIntoTheOlderProfile() {
        UUID laptop = profile("laptop", 1, anonymous("a1"), user("u1"));
        UUID phone = profile("phone", 2, anonymous("a2"));

        Resolution result = resolve(event(anonymous("a2"), user("u1")));

        assertThat(result.eventProfiles()).containsExactly(laptop);
        assertThat(result.merges()).containsExactly(new Merge(0, laptop, phone, anonymous("a2"), MergeReason.SHARED_IDENTIFIER));
        assertThat(result.mergedInto()).containsExactly(Map.entry(phone, laptop));
        assertThat(result.liveCounts().get(laptop).of(ANONYMOUS_ID)).isEqualTo(2);
    }

    @Test
    void theOldestProfileSurvivesWhicheverIdentifierComesFirst() {
        UUID newer = profile("newer", 5, user("u1"));
        UUID older = profile("older", 1, anonymous("a1"));

        Resolution result = resolve(event(anonymous("a1"), user("u1")));

        assertThat(result.eventProfiles()).containsExactly(older);
        assertThat(result.merges()).extracting(Merge::survivor, Merge::merged)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(older, newer));
    }

    @Test
    void aSharedDeviceStopsMergingAtTheEmailLimit() {
        UUID kiosk = profile("kiosk", 1, anonymous("kiosk"), email("e1@x.io"), email("e2@x.io"), email("e3@x.io"),
                email("e4@x.io"), email("e5@x.io"));

        Resolution result = resolve(event(anonymous("kiosk"), email("e6@x.io")));

        UUID sixth = result.eventProfiles().get(0);
        assertThat(sixth).isNotEqualTo(kiosk);
        assertThat(result.newProfiles()).extracting(NewProfile::id).containsExactly(sixth);
        assertThat(result.merges()).isEmpty();
        assertThat(result.refusals()).containsExactly(
                new Refusal(0, sixth, anonymous("kiosk"), Optional.of(kiosk), IdentityLimit.MAX_EMAILS_PER_PROFILE));
        assertThat(result.assignments()).extracting(Assignment::identifier).containsExactly(email("e6@x.io"));
        assertThat(result.liveCounts()).doesNotContainKey(kiosk);
    }

    @Test
    void aNewIdentifierOverTheLimitIsLeftUnassigned() {
        UUID person = profile("person", 1, user("u1"), email("e1@x.io"), email("e2@x.io"), email("e3@x.io"),
                email("e4@x.io"), email("e5@x.io"));

        Resolution result = resolve(event(user("u1"), email("e6@x.io")));

        assertThat(result.eventProfiles()).containsExactly(person);
        assertThat(result.assignments()).isEmpty();
        assertThat(result.refusals()).containsExactly(
                new Refusal(0, person, email("e6@x.io"), Optional.empty(), IdentityLimit.MAX_EMAILS_PER_PROFILE));
    }

    @Test
    void aSecondUserOnTheSameDeviceGetsAProfileOfTheirOwn() {
        UUID first = profile("first", 1, anonymous("a1"), user("alice"));

        Resolution result = resolve(event(anonymous("a1"), user("bob")));

        UUID bob = result.eventProfiles().get(0);
        assertThat(bob).isNotEqualTo(first);
        assertThat(result.assignments()).extracting(Assignment::identifier, Assignment::profile)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(user("bob"), bob));
        assertThat(result.refusals()).containsExactly(
                new Refusal(0, bob, anonymous("a1"), Optional.of(first), IdentityLimit.MAX_USER_IDS_PER_PROFILE));
    }

    @Test
    void aKnownSecondUserKeepsTheirProfileAndTheEvent() {
        UUID alice = profile("alice", 1, anonymous("a1"), user("alice"));
        UUID bob = profile("bob", 2, user("bob"));

        Resolution result = resolve(event(anonymous("a1"), user("bob")));

        assertThat(result.eventProfiles()).containsExactly(bob);
        assertThat(result.merges()).isEmpty();
        assertThat(result.refusals()).containsExactly(
                new Refusal(0, bob, anonymous("a1"), Optional.of(alice), IdentityLimit.MAX_USER_IDS_PER_PROFILE));
    }

    @ParameterizedTest(name = "max {0} user ids: merged={1}")
    @CsvSource({"1, false", "2, true"})
    void theUserIdLimitDecidesWhetherTwoUsersMerge(int maxUserIds, boolean merged) {
        profile("alice", 1, anonymous("a1"), user("alice"));
        profile("bob", 2, user("bob"));

        Resolution result = resolve(new IdentityLimits(maxUserIds, 5, 2), List.of(event(anonymous("a1"), user("bob"))));

        assertThat(result.merges().isEmpty()).isEqualTo(!merged);
        assertThat(result.refusals().isEmpty()).isEqualTo(merged);
    }

    @Test
    void mergesWithinOneBatchEndInOneProfile() {
        Resolution result = resolve(event(anonymous("a1")), event(anonymous("a2")), event(anonymous("a1"), anonymous("a2")));

        UUID first = result.newProfiles().get(0).id();
        UUID second = result.newProfiles().get(1).id();
        assertThat(result.eventProfiles()).containsOnly(first);
        assertThat(result.merges()).containsExactly(new Merge(2, first, second, anonymous("a2"), MergeReason.SHARED_IDENTIFIER));
        assertThat(result.mergedInto()).containsExactly(Map.entry(second, first));
        assertThat(result.assignments()).extracting(Assignment::profile).containsOnly(first);
        assertThat(result.liveCounts()).containsOnlyKeys(first);
    }

    @Test
    void aProfileCreatedEarlyInTheBatchFollowsItsLaterMerge() {
        UUID known = profile("known", 1, user("u1"));

        Resolution result = resolve(event(anonymous("a9")), event(anonymous("a9"), user("u1")));

        UUID browsing = result.newProfiles().get(0).id();
        assertThat(result.eventProfiles()).containsExactly(known, known);
        assertThat(result.mergedInto()).containsExactly(Map.entry(browsing, known));
        assertThat(result.assignments()).extracting(Assignment::identifier, Assignment::profile)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(anonymous("a9"), known));
    }

    @Test
    void aMergeChainPointsEveryMergedProfileAtTheLastSurvivor() {
        UUID oldest = profile("oldest", 1, user("u1"));
        UUID middle = profile("middle", 2, email("m@x.io"));
        UUID youngest = profile("youngest", 3, anonymous("a1"));

        Resolution result = resolve(event(email("m@x.io"), anonymous("a1")), event(user("u1"), email("m@x.io")));

        assertThat(result.merges()).extracting(Merge::survivor, Merge::merged).containsExactly(
                org.assertj.core.groups.Tuple.tuple(middle, youngest), org.assertj.core.groups.Tuple.tuple(oldest, middle));
        assertThat(result.mergedInto()).containsOnly(Map.entry(middle, oldest), Map.entry(youngest, oldest));
        assertThat(result.eventProfiles()).containsExactly(oldest, oldest);
    }

    @Test
    void anAliasWithAnUnknownPreviousIdLinksItAsAnAnonymousId() {
        Resolution result = resolve(alias("u1", "anon-7"));

        UUID created = result.eventProfiles().get(0);
        assertThat(result.assignments()).extracting(Assignment::identifier)
                .containsExactlyInAnyOrder(user("u1"), anonymous("anon-7"));
        assertThat(result.liveCounts().get(created).of(USER_ID)).isEqualTo(1);
    }

    @Test
    void anAliasMergesTheAnonymousProfileIntoTheUser() {
        UUID user = profile("user", 1, user("u1"));
        UUID browsing = profile("browsing", 2, anonymous("anon-7"));

        Resolution result = resolve(alias("u1", "anon-7"));

        assertThat(result.merges()).containsExactly(new Merge(0, user, browsing, anonymous("anon-7"), MergeReason.ALIAS));
    }

    @Test
    void anAliasOfAKnownUserIdRenamesWithinTheUserIdLimit() {
        UUID old = profile("old", 1, user("old-id"));

        Resolution strict = resolve(alias("new-id", "old-id"));
        Resolution lenient = resolve(new IdentityLimits(2, 5, 2), List.of(alias("new-id", "old-id")));

        assertThat(strict.refusals()).extracting(Refusal::identifier, Refusal::limit).containsExactly(
                org.assertj.core.groups.Tuple.tuple(user("old-id"), IdentityLimit.MAX_USER_IDS_PER_PROFILE));
        assertThat(lenient.eventProfiles()).containsExactly(old);
        assertThat(lenient.assignments()).extracting(Assignment::identifier).containsExactly(user("new-id"));
    }

    @Test
    void everyPairOfAnEventsIdentifiersIsOneEdgeCountedAcrossTheBatch() {
        Instant early = NOW.minusSeconds(60);
        Resolution result = resolve(DEFAULT_LIMITS, List.of(
                new EventIdentity(List.of(user("u1"), anonymous("a1")), Optional.empty(), NOW),
                new EventIdentity(List.of(anonymous("a1"), user("u1"), click("gclid:abc")), Optional.empty(), early)));

        assertThat(result.edges()).hasSize(3);
        Edge userDevice = result.edges().stream().filter(edge -> edge.from().equals(user("u1")) && edge.to().equals(anonymous("a1")))
                .findFirst().orElseThrow();
        assertThat(userDevice.events()).isEqualTo(2);
        assertThat(userDevice.firstSeen()).isEqualTo(early);
        assertThat(userDevice.lastSeen()).isEqualTo(NOW);
    }

    @Test
    void refusedLinksAreStillEdgesOfTheGraph() {
        profile("alice", 1, anonymous("a1"), user("alice"));

        Resolution result = resolve(event(anonymous("a1"), user("bob")));

        assertThat(result.edges()).extracting(Edge::from, Edge::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(user("bob"), anonymous("a1")));
    }

    @Test
    void aPhoneOverItsLimitIsRefusedLikeAnEmail() {
        UUID person = profile("person", 1, user("u1"), phone("+15550000001"), phone("+15550000002"));

        Resolution result = resolve(event(user("u1"), phone("+15550000003")));

        assertThat(result.eventProfiles()).containsExactly(person);
        assertThat(result.refusals()).extracting(Refusal::limit).containsExactly(IdentityLimit.MAX_PHONES_PER_PROFILE);
    }

    @Test
    void aStrongerIdentifierDecidesWhereTheEventGoesWhenProfilesCannotMerge() {
        UUID byEmail = profile("email", 1, email("jane@x.io"), user("jane"));
        UUID byUser = profile("user", 2, user("j.doe"));

        Resolution result = resolve(event(email("jane@x.io"), user("j.doe")));

        assertThat(result.eventProfiles()).containsExactly(byUser);
        assertThat(result.refusals()).extracting(Refusal::owner).containsExactly(Optional.of(byEmail));
    }

    // --- fixtures

    private Resolution resolve(EventIdentity... events) {
        return resolve(DEFAULT_LIMITS, Arrays.asList(events));
    }

    private Resolution resolve(IdentityLimits limits, List<EventIdentity> events) {
        return new IdentityResolver(limits, () -> new UUID(0, nextId.incrementAndGet())).resolve(new GraphSnapshot(owners, profiles),
                events, NOW);
    }

    /** A stored profile created {@code ageRank} hours after the epoch of this test (smaller is older). */
    private UUID profile(String name, int ageRank, Identifier... identifiers) {
        UUID id = UUID.nameUUIDFromBytes(name.getBytes());
        List<Identifier> held = new ArrayList<>(Arrays.asList(identifiers));
        profiles.put(id, new ProfileNode(id, NOW.minusSeconds(3600L * (100 - ageRank)), IdentifierCounts.of(held)));
        held.forEach(identifier -> owners.put(identifier, id));
        return id;
    }

    private static EventIdentity event(Identifier... identifiers) {
        return new EventIdentity(Arrays.asList(identifiers), Optional.empty(), NOW);
    }

    private static EventIdentity alias(String userId, String previousId) {
        return new EventIdentity(List.of(user(userId)), Optional.of(previousId), NOW);
    }

    private static Identifier anonymous(String value) {
        return new Identifier(ANONYMOUS_ID, value);
    }

    private static Identifier user(String value) {
        return new Identifier(USER_ID, value);
    }

    private static Identifier email(String value) {
        return new Identifier(EMAIL, value);
    }

    private static Identifier phone(String value) {
        return new Identifier(PHONE, value);
    }

    private static Identifier click(String value) {
        return new Identifier(CLICK_ID, value);
    }
}
