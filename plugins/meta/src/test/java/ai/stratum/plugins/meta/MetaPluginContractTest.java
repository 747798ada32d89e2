package ai.stratum.plugins.meta;

import ai.stratum.plugin.testkit.contract.AdPlatformContract;
import ai.stratum.plugin.testkit.contract.PluginUnderTest;
import ai.stratum.sandbox.meta.MetaEmulator;
import java.util.Map;

/**
 * The plugin against the sandbox's Meta Graph API: every test of the ad-platform contract. Meta
 * reports event match quality (the Dataset Quality API) and has no refresh tokens, so an expired
 * token can only be replaced by a new login.
 */
class MetaPluginContractTest extends AdPlatformContract {

    @Override
    protected PluginUnderTest plugin() {
        return new PluginUnderTest(new MetaEmulator(), "act_1001", new MetaSignalCollector(), new MetaActionExecutor(),
                new MetaOAuthProvider(), new MetaAudienceSync(), Map.of(), true, false);
    }
}
