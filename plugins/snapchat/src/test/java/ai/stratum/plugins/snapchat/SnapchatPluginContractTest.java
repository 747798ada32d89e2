package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.testkit.contract.AdPlatformContract;
import ai.stratum.plugin.testkit.contract.PluginUnderTest;
import ai.stratum.sandbox.snapchat.SnapchatEmulator;
import java.util.Map;

/**
 * The ad-platform contract against the sandbox's Snapchat: an ad account with a UUID id, as Snap's
 * are; no event-match-quality score on Snap; access tokens that expire and are renewed with the
 * refresh token.
 */
class SnapchatPluginContractTest extends AdPlatformContract {

    static final String AD_ACCOUNT_ID = "3f6d2a1c-8b47-4e0f-9c2d-5a7e1b9f4c36";

    @Override
    protected PluginUnderTest plugin() {
        return new PluginUnderTest(new SnapchatEmulator(), AD_ACCOUNT_ID, new SnapchatSignalCollector(),
                new SnapchatActionExecutor(), new SnapchatOAuthProvider(), new SnapchatAudienceSync(), Map.of(),
                false, true);
    }
}
