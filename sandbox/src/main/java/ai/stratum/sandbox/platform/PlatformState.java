package ai.stratum.sandbox.platform;

import ai.stratum.sandbox.simulation.SimulatedAccount;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Everything one simulated platform holds: its accounts, OAuth tokens, queued faults and applied changes. */
public final class PlatformState {

    private final Clock clock;
    private final Map<String, SimulatedAccount> accounts = new ConcurrentHashMap<>();
    private final Tokens tokens;
    private final Faults faults = new Faults();
    private final Audiences audiences = new Audiences();
    private final List<Mutation> mutations = new ArrayList<>();

    /**
     * @param clock  the platform's time
     * @param tokens its OAuth state
     */
    public PlatformState(Clock clock, Tokens tokens) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public Clock clock() {
        return clock;
    }

    public Tokens tokens() {
        return tokens;
    }

    public Faults faults() {
        return faults;
    }

    /** @return the platform's customer-list audiences */
    public Audiences audiences() {
        return audiences;
    }

    /** @param account an account the platform now serves */
    public void add(SimulatedAccount account) {
        accounts.put(account.accountId(), account);
    }

    /** @return the account with that id, as the platform writes it */
    public Optional<SimulatedAccount> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /** @return every account */
    public Collection<SimulatedAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    /** @return the account holding a campaign or ad set with that id */
    public Optional<SimulatedAccount> accountOf(String entityId) {
        return accounts.values().stream()
                .filter(a -> a.campaign(entityId).isPresent() || a.campaignOfAdSet(entityId).isPresent())
                .findFirst();
    }

    /** @param mutation a change just applied */
    public synchronized void record(Mutation mutation) {
        mutations.add(mutation);
    }

    /** @return the changes applied so far, oldest first */
    public synchronized List<Mutation> mutations() {
        return List.copyOf(mutations);
    }
}
