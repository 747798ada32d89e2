package ai.stratum.benchmarks.connectors;

import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.simulation.AccountSpec;

import java.time.ZoneOffset;
import java.util.List;

/**
 * The accounts the connector sync benchmark reads: one per platform, each with the given number of
 * campaigns and enough history that every campaign has been running for the longest range measured
 * (the generator starts campaigns up to a third of the history late). Ids in each platform's own
 * format; times in UTC, so the benchmark's days are the account's days.
 */
final class SyncBenchmarkAccounts {

    /**
     * One account.
     *
     * @param platform    its platform
     * @param spec        what the sandbox simulates
     * @param accessToken the token the sandbox lets in
     */
    record BenchmarkAccount(Platform platform, AccountSpec spec, String accessToken) {
    }

    private SyncBenchmarkAccounts() {
    }

    /**
     * @param campaigns campaigns per account
     * @param longestDays the longest date range any sync will read
     * @return one account per platform
     */
    static List<BenchmarkAccount> of(int campaigns, int longestDays) {
        // late starts take up to a third of the history: 1.6 times the range leaves every campaign running through it
        int history = longestDays * 8 / 5 + 2;
        return List.of(
                account(Platform.META, "act_2001", campaigns, history, 201),
                account(Platform.GOOGLE, "2234567890", campaigns, history, 202),
                account(Platform.TIKTOK, "7002234567890123456", campaigns, history, 203),
                account(Platform.SNAPCHAT, "6a1f3c2e-9d48-4b7a-8e21-3c5d7f9a1b24", campaigns, history, 204));
    }

    /** Adds the accounts to the sandbox and lets their tokens in. */
    static void install(Sandbox sandbox, List<BenchmarkAccount> accounts) {
        for (BenchmarkAccount account : accounts) {
            sandbox.addAccount(account.platform(), account.spec());
            sandbox.state(account.platform()).tokens().allow(account.accessToken());
        }
    }

    private static BenchmarkAccount account(Platform platform, String id, int campaigns, int history, long seed) {
        return new BenchmarkAccount(platform, new AccountSpec(id, "Sync benchmark (" + platform.id() + ")", "USD", ZoneOffset.UTC,
                campaigns, history, seed), "benchmark-" + platform.id() + "-token");
    }
}
