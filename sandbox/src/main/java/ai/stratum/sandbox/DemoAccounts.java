package ai.stratum.sandbox;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.simulation.AccountSpec;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One demo ad account per platform, with ids in each platform's own format and an access token the
 * sandbox accepts until revoked: what the quick start connects its demo tenant to.
 */
public final class DemoAccounts {

    /**
     * A demo account.
     *
     * @param platform    the platform
     * @param spec        what the sandbox simulates
     * @param accessToken the token the sandbox accepts for it
     */
    public record DemoAccount(Platform platform, AccountSpec spec, String accessToken) {
        public DemoAccount {
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(accessToken, "accessToken");
        }
    }

    private static final int CAMPAIGNS = 24;
    private static final int HISTORY_DAYS = 60;

    private static final List<DemoAccount> ALL = List.of(
            account(Platform.META, "act_1001", "Northwind Outdoor (Meta)", "America/New_York", 101),
            account(Platform.GOOGLE, "1234567890", "Northwind Outdoor (Google Ads)", "America/New_York", 102),
            account(Platform.TIKTOK, "7001234567890123456", "Northwind Outdoor (TikTok)", "America/Los_Angeles", 103),
            account(Platform.SNAPCHAT, "3f6d2a1c-8b47-4e0f-9c2d-5a7e1b9f4c36", "Northwind Outdoor (Snapchat)",
                    "America/Los_Angeles", 104));

    private DemoAccounts() {
    }

    /** @return the four demo accounts */
    public static List<DemoAccount> all() {
        return ALL;
    }

    /**
     * Adds the demo accounts to the sandbox and lets their tokens in.
     *
     * @param sandbox a sandbox simulating every platform
     * @return the accounts added
     */
    public static List<DemoAccount> install(Sandbox sandbox) {
        for (DemoAccount account : ALL) {
            sandbox.addAccount(account.platform(), account.spec());
            sandbox.state(account.platform()).tokens().allow(account.accessToken());
        }
        return ALL;
    }

    private static DemoAccount account(Platform platform, String accountId, String name, String zone, long seed) {
        return new DemoAccount(platform, new AccountSpec(accountId, name, "USD", ZoneId.of(zone), CAMPAIGNS,
                HISTORY_DAYS, seed), "sandbox-" + platform.id() + "-token");
    }
}
