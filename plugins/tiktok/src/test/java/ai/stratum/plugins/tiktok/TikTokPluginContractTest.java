package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.testkit.contract.AdPlatformContract;
import ai.stratum.plugin.testkit.contract.PluginUnderTest;
import ai.stratum.sandbox.tiktok.TikTokEmulator;
import java.util.Map;

/**
 * The ad-platform contract against the sandbox's TikTok. Its pages hold at most
 * {@value #PAGE_ROWS} rows although the plugin asks for TikTok's 1,000, so the contract account's
 * campaigns and report rows span several pages. An advertiser id is TikTok's 19 digits. TikTok's
 * advertiser tokens have no refresh, and its Marketing API no event-match-quality score.
 */
class TikTokPluginContractTest extends AdPlatformContract {

    private static final int PAGE_ROWS = 100;

    @Override
    protected PluginUnderTest plugin() {
        return new PluginUnderTest(TikTokEmulator.withPageCap(PAGE_ROWS), "7001234567890123456",
                new TikTokSignalCollector(), new TikTokActionExecutor(), new TikTokOAuthProvider(),
                new TikTokAudienceSync(), Map.of(), false, false);
    }
}
