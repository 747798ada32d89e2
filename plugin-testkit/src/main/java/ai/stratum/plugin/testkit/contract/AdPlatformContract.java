package ai.stratum.plugin.testkit.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The contract every ad-platform plugin passes: subclass it in your plugin's tests, name your
 * extensions and your platform's simulation in {@link #plugin()}, and JUnit runs every test of
 * {@link CollectorContract}, {@link FaultContract}, {@link ActionContract}, {@link OAuthContract} and
 * {@link AudienceContract} against a fresh sandbox per test.
 *
 * <pre>{@code
 * class MetaPluginContractTest extends AdPlatformContract {
 *     protected PluginUnderTest plugin() {
 *         return new PluginUnderTest(new MetaEmulator(), "act_1001", new MetaCollector(), new MetaExecutor(),
 *                 new MetaOAuth(), new MetaAudienceSync(), Map.of(), true, false);
 *     }
 * }
 * }</pre>
 */
public abstract class AdPlatformContract
        implements CollectorContract, FaultContract, ActionContract, OAuthContract, AudienceContract {

    private ContractHarness harness;

    /** @return the plugin's extensions and its platform's simulation */
    protected abstract PluginUnderTest plugin();

    @BeforeEach
    final void startSandbox() {
        harness = new ContractHarness(plugin());
    }

    @AfterEach
    final void stopSandbox() {
        harness.close();
    }

    @Override
    public final ContractHarness harness() {
        return harness;
    }
}
