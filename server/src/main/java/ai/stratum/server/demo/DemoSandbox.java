package ai.stratum.server.demo;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.DemoAccounts;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.SandboxPlatforms;
import ai.stratum.sandbox.platform.Tokens;
import ai.stratum.server.connectors.PlatformProperties;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sandbox a demo server runs in-process: the four simulated platforms on free local ports with
 * a demo account each, and the properties that point the platforms' connections at them. A platform
 * whose base URL the operator set keeps it, and gets no demo connection.
 */
public final class DemoSandbox implements AutoCloseable {

    /** Lists the platforms pointed at the sandbox, for {@link DemoTenant}. */
    static final String PLATFORMS_PROPERTY = "stratum.demo.platforms";

    private final Sandbox sandbox;
    private final Set<Platform> platforms;

    private DemoSandbox(Sandbox sandbox, Set<Platform> platforms) {
        this.sandbox = sandbox;
        this.platforms = platforms;
    }

    /**
     * @param env the environment
     * @return the running sandbox, or empty when the demo is off
     */
    public static Optional<DemoSandbox> start(Map<String, String> env) {
        if (!DemoMode.enabled(env)) {
            return Optional.empty();
        }
        Sandbox sandbox = SandboxPlatforms.everyPlatform().build();
        DemoAccounts.install(sandbox);
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        for (Platform platform : Platform.values()) {
            String configured = env.get(PlatformProperties.baseUrlVariable(platform));
            if (configured == null || configured.isBlank()) {
                platforms.add(platform);
            }
        }
        return Optional.of(new DemoSandbox(sandbox, platforms));
    }

    /** @return the properties that point the demo platforms' connections at the sandbox and switch the demo tenant on */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        for (Platform platform : platforms) {
            properties.putAll(PlatformProperties.pointingAt(platform, sandbox.endpoints(platform).api(),
                    Tokens.CLIENT_ID, Tokens.CLIENT_SECRET));
        }
        properties.put("stratum.demo.enabled", "true");
        properties.put(PLATFORMS_PROPERTY, platforms.stream().map(Platform::name).collect(Collectors.joining(",")));
        return properties;
    }

    /** @return a line for the start-up log naming each simulated platform's address */
    public String description() {
        return platforms.stream().map(p -> p.name() + "=" + sandbox.endpoints(p).api()).collect(Collectors.joining(" "));
    }

    /** @return the simulated platforms, for tests that check what reached them */
    Sandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
