package ai.stratum.sandbox.platform;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The customer-list audiences of one simulated platform: hashed identifiers per audience, and how
 * many of them the platform "matched" to its users — deterministically about 62 % (the hashes whose
 * first hex digit is 0-9), so tests can predict it. Thread-safe.
 */
public final class Audiences {

    /**
     * An audience.
     *
     * @param id        the platform's id
     * @param accountId the account owning it
     * @param name      its name
     */
    public record Audience(String id, String accountId, String name) {
    }

    private final Map<String, Audience> audiences = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(238_500_000_000_000L);

    /** @return the new audience */
    public Audience create(String accountId, String name) {
        Audience audience = new Audience(String.valueOf(nextId.incrementAndGet()),
                Objects.requireNonNull(accountId, "accountId"), Objects.requireNonNull(name, "name"));
        audiences.put(audience.id(), audience);
        members.put(audience.id(), ConcurrentHashMap.newKeySet());
        return audience;
    }

    /** @return the audience with that id */
    public Optional<Audience> find(String id) {
        return Optional.ofNullable(audiences.get(id));
    }

    /** @return how many of the hashes were new to the audience */
    public int add(String id, Collection<String> hashes) {
        Set<String> set = require(id);
        int added = 0;
        for (String hash : hashes) {
            added += set.add(hash) ? 1 : 0;
        }
        return added;
    }

    /** @return how many of the hashes were in the audience */
    public int remove(String id, Collection<String> hashes) {
        Set<String> set = require(id);
        int removed = 0;
        for (String hash : hashes) {
            removed += set.remove(hash) ? 1 : 0;
        }
        return removed;
    }

    /** @return the hashes in the audience now */
    public Set<String> members(String id) {
        return Set.copyOf(require(id));
    }

    /** @return how many members the platform matched to its users */
    public long matched(String id) {
        return require(id).stream().filter(hash -> Character.isDigit(hash.charAt(0))).count();
    }

    private Set<String> require(String id) {
        Set<String> set = members.get(id);
        if (set == null) {
            throw new IllegalArgumentException("no audience " + id);
        }
        return set;
    }

    /** @return every audience's id, for the admin API */
    public Set<String> ids() {
        return new HashSet<>(audiences.keySet());
    }
}
