package ai.stratum.server.cdp.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides, for a batch of events in order, which profile each belongs to: the rules of the
 * identity graph, with no I/O. The caller loads a {@link GraphSnapshot} of the identifiers the
 * batch carries and writes the {@link Resolution}; it must hold the tenant's identity lock in
 * between, so that no other batch changes the same part of the graph.
 *
 * <p>An event's identifiers are visited in priority order ({@link IdentifierType}). The first
 * starts a group: its profile, or a profile to be created when it is new. Each further identifier
 * joins the group when the group plus its profile (or plus the identifier itself, when new) stays
 * within every {@link IdentityLimits limit}; otherwise the link is refused and recorded. The group
 * becomes one profile: the oldest of its existing profiles survives and the others are merged into
 * it, or a new profile is created when the group has none. So a login merges the browsing device
 * into the user, while a second user signing in on the same device keeps a profile of their own,
 * and the event goes to the profile of its strongest identifier.
 */
public final class IdentityResolver {

    private final IdentityLimits limits;
    private final Supplier<UUID> newIds;

    public IdentityResolver(IdentityLimits limits, Supplier<UUID> newIds) {
        this.limits = limits;
        this.newIds = newIds;
    }

    /** Resolves {@code events} in order against {@code snapshot}; profiles created are dated {@code now}. */
    public Resolution resolve(GraphSnapshot snapshot, List<EventIdentity> events, Instant now) {
        return new Run(snapshot, now).resolve(events);
    }

    /** One batch's working state: the snapshot plus everything decided so far. */
    private final class Run {
        private final Map<Identifier, UUID> owners;
        private final Map<UUID, ProfileNode> profiles;
        private final Map<UUID, UUID> parent = new HashMap<>();
        private final Instant now;
        private final List<NewProfile> created = new ArrayList<>();
        private final Map<Identifier, Assignment> assignments = new LinkedHashMap<>();
        private final List<Merge> merges = new ArrayList<>();
        private final List<Refusal> refusals = new ArrayList<>();
        private final Map<List<Identifier>, Edge> edges = new LinkedHashMap<>();
        private final Set<UUID> touched = new LinkedHashSet<>();

        Run(GraphSnapshot snapshot, Instant now) {
            this.owners = new HashMap<>(snapshot.owners());
            this.profiles = new HashMap<>(snapshot.profiles());
            this.now = now;
        }

        Resolution resolve(List<EventIdentity> events) {
            List<UUID> eventProfiles = new ArrayList<>();
            List<List<Identifier>> eventIdentifiers = new ArrayList<>();
            for (int index = 0; index < events.size(); index++) {
                List<Identifier> identifiers = identifiersOf(events.get(index));
                eventIdentifiers.add(identifiers);
                eventProfiles.add(resolveEvent(index, events.get(index), identifiers));
                recordEdges(identifiers, events.get(index).timestamp());
            }
            Map<UUID, UUID> mergedInto = new HashMap<>();
            for (UUID merged : List.copyOf(parent.keySet())) {
                mergedInto.put(merged, find(merged));
            }
            Map<UUID, IdentifierCounts> liveCounts = new HashMap<>();
            for (UUID id : touched) {
                UUID live = find(id);
                liveCounts.put(live, profiles.get(live).counts());
            }
            List<Assignment> finalAssignments = assignments.values().stream()
                    .map(a -> new Assignment(a.identifier(), find(a.profile()), a.firstSeen()))
                    .toList();
            return new Resolution(eventProfiles.stream().map(this::find).toList(), eventIdentifiers, created, finalAssignments,
                    merges, refusals, mergedInto, liveCounts, new ArrayList<>(edges.values()));
        }

        /** An alias's previous id is the user id the graph knows by that value, or else an anonymous id. */
        private List<Identifier> identifiersOf(EventIdentity event) {
            List<Identifier> identifiers = new ArrayList<>(event.identifiers());
            event.previousId().ifPresent(previous -> {
                Identifier asUser = new Identifier(IdentifierType.USER_ID, previous);
                identifiers.add(owners.containsKey(asUser) ? asUser : new Identifier(IdentifierType.ANONYMOUS_ID, previous));
            });
            return identifiers.stream().distinct().sorted().toList();
        }

        private UUID resolveEvent(int index, EventIdentity event, List<Identifier> identifiers) {
            Group group = new Group();
            for (Identifier identifier : identifiers) {
                Optional<UUID> owner = Optional.ofNullable(owners.get(identifier)).map(this::find);
                if (owner.isPresent()) {
                    join(group, identifier, owner.get());
                } else {
                    add(group, identifier);
                }
            }
            UUID survivor = settle(index, event, group);
            group.refusals.forEach(refused -> refusals.add(new Refusal(index, survivor, refused.identifier(), refused.owner(),
                    refused.limit())));
            return survivor;
        }

        private void join(Group group, Identifier identifier, UUID owner) {
            if (group.members.contains(owner)) {
                return;
            }
            IdentifierCounts together = group.counts.plus(profiles.get(owner).counts());
            Optional<IdentityLimit> exceeded = limits.exceededBy(together);
            if (group.isEmpty() || exceeded.isEmpty()) {
                group.members.add(owner);
                group.linkedBy.put(owner, identifier);
                group.counts = together;
            } else {
                group.refusals.add(new RefusedLink(identifier, Optional.of(owner), exceeded.get()));
            }
        }

        private void add(Group group, Identifier identifier) {
            IdentifierCounts together = group.counts.plus(identifier.type(), 1);
            Optional<IdentityLimit> exceeded = limits.exceededBy(together);
            if (group.isEmpty() || exceeded.isEmpty()) {
                group.newIdentifiers.add(identifier);
                group.counts = together;
            } else {
                group.refusals.add(new RefusedLink(identifier, Optional.empty(), exceeded.get()));
            }
        }

        /** Makes the group one profile and gives it the group's new identifiers. */
        private UUID settle(int index, EventIdentity event, Group group) {
            UUID survivor;
            if (group.members.isEmpty()) {
                survivor = newIds.get();
                created.add(new NewProfile(survivor, now));
                profiles.put(survivor, new ProfileNode(survivor, now, IdentifierCounts.none()));
            } else {
                survivor = group.members.stream().map(profiles::get).min(ProfileNode.OLDEST_FIRST).orElseThrow().id();
                for (UUID member : group.members) {
                    if (!member.equals(survivor)) {
                        merge(index, event, survivor, member, group.linkedBy.get(member));
                    }
                }
            }
            ProfileNode node = profiles.get(survivor);
            IdentifierCounts counts = node.counts();
            for (Identifier identifier : group.newIdentifiers) {
                owners.put(identifier, survivor);
                assignments.put(identifier, new Assignment(identifier, survivor, event.timestamp()));
                counts = counts.plus(identifier.type(), 1);
            }
            profiles.put(survivor, new ProfileNode(survivor, node.createdAt(), counts));
            touched.add(survivor);
            return survivor;
        }

        private void merge(int index, EventIdentity event, UUID survivor, UUID merged, Identifier linkedBy) {
            ProfileNode into = profiles.get(survivor);
            ProfileNode from = profiles.get(merged);
            profiles.put(survivor, new ProfileNode(survivor, into.createdAt(), into.counts().plus(from.counts())));
            parent.put(merged, survivor);
            touched.add(merged);
            merges.add(new Merge(index, survivor, merged, linkedBy,
                    event.isAlias() ? MergeReason.ALIAS : MergeReason.SHARED_IDENTIFIER));
        }

        private void recordEdges(List<Identifier> identifiers, Instant at) {
            for (int i = 0; i < identifiers.size(); i++) {
                for (int j = i + 1; j < identifiers.size(); j++) {
                    List<Identifier> pair = List.of(identifiers.get(i), identifiers.get(j));
                    edges.merge(pair, new Edge(pair.get(0), pair.get(1), at, at, 1), (seen, again) -> seen.seenAgain(at));
                }
            }
        }

        /** The live profile {@code id} is part of now. */
        private UUID find(UUID id) {
            UUID current = id;
            while (parent.containsKey(current)) {
                current = parent.get(current);
            }
            if (!current.equals(id)) {
                parent.put(id, current);
            }
            return current;
        }
    }

    /** A link one event could not make; the profile it was refused for is known once the event is settled. */
    private record RefusedLink(Identifier identifier, Optional<UUID> owner, IdentityLimit limit) {
    }

    /** The profiles and new identifiers one event brings together, and the links it could not make. */
    private static final class Group {
        private final Set<UUID> members = new LinkedHashSet<>();
        private final Map<UUID, Identifier> linkedBy = new HashMap<>();
        private final List<Identifier> newIdentifiers = new ArrayList<>();
        private final List<RefusedLink> refusals = new ArrayList<>();
        private IdentifierCounts counts = IdentifierCounts.none();

        boolean isEmpty() {
            return members.isEmpty() && newIdentifiers.isEmpty();
        }
    }
}
