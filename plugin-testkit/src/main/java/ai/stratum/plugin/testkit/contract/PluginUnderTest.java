package ai.stratum.plugin.testkit.contract;

import ai.stratum.plugin.api.ActionExecutor;
import ai.stratum.plugin.api.AudienceSync;
import ai.stratum.plugin.api.OAuthProvider;
import ai.stratum.plugin.api.SignalCollector;
import ai.stratum.sandbox.platform.PlatformEmulator;

import java.util.Map;
import java.util.Objects;

/**
 * An ad plugin's extensions and what the contract should expect of its platform.
 *
 * @param emulator                the simulated platform the plugin talks to
 * @param accountId               an account id in the platform's own format (Meta {@code act_…}, …)
 * @param collector               the plugin's collector
 * @param executor                the plugin's executor
 * @param oauth                   the plugin's OAuth provider
 * @param audiences               the plugin's audience sync
 * @param hostCredentials         what the host adds to every call's credentials besides the OAuth
 *                                client (Google's developer token, for example)
 * @param reportsEventMatchQuality whether the platform has an event-match-quality score
 * @param refreshesExpiredTokens  whether an expired access token can be renewed without the user
 *                                (a refresh token); when not, refresh must fail as NEEDS_REAUTH
 */
public record PluginUnderTest(PlatformEmulator emulator, String accountId, SignalCollector collector,
                              ActionExecutor executor, OAuthProvider oauth, AudienceSync audiences,
                              Map<String, String> hostCredentials, boolean reportsEventMatchQuality,
                              boolean refreshesExpiredTokens) {

    public PluginUnderTest {
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(audiences, "audiences");
        hostCredentials = Map.copyOf(hostCredentials);
    }
}
