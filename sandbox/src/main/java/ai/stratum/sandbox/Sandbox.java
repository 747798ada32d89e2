package ai.stratum.sandbox;

import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import ai.stratum.sandbox.platform.PlatformEmulator;
import ai.stratum.sandbox.platform.PlatformServer;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.platform.ServedRequests;
import ai.stratum.sandbox.platform.Tokens;
import ai.stratum.sandbox.simulation.AccountGenerator;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.SimulatedAccount;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Simulated ad platforms, each on its own local port, speaking its API over simulated accounts.
 * Point a plugin at {@link #endpoints(Platform)}; steer the simulation through {@link #state(Platform)}
 * (accounts, tokens, faults) or over HTTP through each port's {@code /_sandbox/} admin API.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().platform(new MetaEmulator()).build()) {
 *     SimulatedAccount account = sandbox.addAccount(Platform.META, new AccountSpec("act_1001", ...));
 *     sandbox.state(Platform.META).tokens().allow("test-token");
 *     ...
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    private final Map<Platform, PlatformServer> servers;
    private final Clock clock;

    private Sandbox(Map<Platform, PlatformServer> servers, Clock clock) {
        this.servers = servers;
        this.clock = clock;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the platforms simulated */
    public Set<Platform> platforms() {
        return servers.keySet();
    }

    /**
     * @param platform a simulated platform
     * @return its API, authorization and token base URLs, all on its port
     */
    public PlatformEndpoints endpoints(Platform platform) {
        var url = server(platform).baseUrl();
        return new PlatformEndpoints(url, url, url);
    }

    /** @return the platform's accounts, tokens, faults and applied changes */
    public PlatformState state(Platform platform) {
        return server(platform).state();
    }

    /**
     * @param platform the platform that serves the account
     * @param spec     what to simulate
     * @return the new account
     */
    public SimulatedAccount addAccount(Platform platform, AccountSpec spec) {
        SimulatedAccount account = AccountGenerator.generate(spec, clock);
        state(platform).add(account);
        return account;
    }

    /** @return what the platform has served so far: requests and the time spent answering them */
    public ServedRequests served(Platform platform) {
        return server(platform).served();
    }

    /** @return the clock every platform lives by */
    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        servers.values().forEach(PlatformServer::close);
    }

    private PlatformServer server(Platform platform) {
        PlatformServer server = servers.get(platform);
        if (server == null) {
            throw new IllegalArgumentException(platform + " is not simulated; simulated: " + servers.keySet());
        }
        return server;
    }

    /** Chooses the platforms, ports, clock and token lifetime. */
    public static final class Builder {

        private record Entry(PlatformEmulator emulator, int port) {
        }

        private final List<Entry> entries = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private String host = "127.0.0.1";
        private Duration tokenLifetime = Duration.ofHours(1);

        private Builder() {
        }

        /** @param emulator a platform to simulate, on any free port */
        public Builder platform(PlatformEmulator emulator) {
            return platform(emulator, 0);
        }

        /**
         * @param emulator a platform to simulate
         * @param port     its port, 0 for any free one
         */
        public Builder platform(PlatformEmulator emulator, int port) {
            entries.add(new Entry(Objects.requireNonNull(emulator, "emulator"), port));
            return this;
        }

        /** @param clock the time every platform lives by (tests move it) */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param host the address to listen on (default 127.0.0.1) */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** @param lifetime how long access tokens the platforms issue last (default 1 h) */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime");
            return this;
        }

        /** @return the started sandbox */
        public Sandbox build() {
            Map<Platform, PlatformServer> servers = new EnumMap<>(Platform.class);
            try {
                for (Entry entry : entries) {
                    Platform platform = entry.emulator().platform();
                    if (servers.containsKey(platform)) {
                        throw new IllegalArgumentException(platform + " is simulated twice");
                    }
                    PlatformState state = new PlatformState(clock, new Tokens(clock, tokenLifetime));
                    servers.put(platform, new PlatformServer(entry.emulator(), state, host, entry.port()));
                }
            } catch (RuntimeException e) {
                servers.values().forEach(PlatformServer::close);
                throw e;
            }
            return new Sandbox(servers, clock);
        }
    }
}
