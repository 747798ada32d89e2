package ai.stratum.plugins.google;

import ai.stratum.plugin.testkit.contract.AdPlatformContract;
import ai.stratum.plugin.testkit.contract.PluginUnderTest;
import ai.stratum.sandbox.google.GoogleEmulator;

import java.util.Map;

/**
 * The plugin against the sandbox's Google Ads emulator. The emulator streams searchStream answers
 * in batches of 40 rows instead of Google's 10,000, so the contract account's 137 campaigns and its
 * daily rows each span several batches, which the plugin must read to the end. Google Ads has no
 * event-match-quality score, and renews expired tokens with its refresh token.
 */
class GooglePluginContractTest extends AdPlatformContract {

    @Override
    protected PluginUnderTest plugin() {
        return new PluginUnderTest(new GoogleEmulator(40), "1234567890", new GoogleSignalCollector(),
                new GoogleActionExecutor(), new GoogleOAuthProvider(), new GoogleAudienceSync(),
                Map.of(GoogleCredentialKeys.DEVELOPER_TOKEN, "contract-developer-token"), false, true);
    }
}
