package ai.stratum.plugin.testkit.contract;

import ai.stratum.plugin.api.ActionRequest;
import ai.stratum.plugin.api.ActionResult;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.testkit.TestContexts;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.platform.Tokens;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.SimulatedAccount;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What a contract test works with: a sandbox simulating the plugin's platform with one account of
 * {@value #CAMPAIGNS} campaigns (enough to need several pages on every platform) and
 * {@value #HISTORY_DAYS} days of history in a time zone west of UTC, on a fixed clock.
 */
public final class ContractHarness implements AutoCloseable {

    /** Campaigns in the contract account. */
    public static final int CAMPAIGNS = 137;
    /** Days of history of the oldest campaigns. */
    public static final int HISTORY_DAYS = 45;
    /** The token the contract account accepts for data tests. */
    public static final String ACCESS_TOKEN = "contract-access-token";
    /** The moment the contract runs at: evening in Los Angeles, early morning of the next day in UTC. */
    public static final Instant NOW = Instant.parse("2026-09-15T03:30:00Z");

    private static final int MAX_PAGES = 1_000;

    private final PluginUnderTest plugin;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Sandbox sandbox;
    private final SimulatedAccount account;
    private final TestContexts contexts = new TestContexts(TestContexts.TEST_POLICY, clock);

    ContractHarness(PluginUnderTest plugin) {
        this.plugin = plugin;
        this.sandbox = Sandbox.builder().platform(plugin.emulator()).clock(clock).build();
        this.account = sandbox.addAccount(platform(), new AccountSpec(plugin.accountId(), "Contract shop", "USD",
                ZoneId.of("America/Los_Angeles"), CAMPAIGNS, HISTORY_DAYS, 20_260_914L));
        state().tokens().allow(ACCESS_TOKEN);
    }

    public PluginUnderTest plugin() {
        return plugin;
    }

    public Platform platform() {
        return plugin.emulator().platform();
    }

    public SimulatedAccount account() {
        return account;
    }

    public PlatformState state() {
        return sandbox.state(platform());
    }

    public Clock clock() {
        return clock;
    }

    /** @return the OAuth client's credentials plus what the host adds, as every call carries them */
    public Credentials clientCredentials() {
        Map<String, String> values = new HashMap<>(plugin.hostCredentials());
        values.put(Credentials.CLIENT_ID, Tokens.CLIENT_ID);
        values.put(Credentials.CLIENT_SECRET, Tokens.CLIENT_SECRET);
        return Credentials.of(values);
    }

    /** @return a context with the contract account's always-valid token */
    public ConnectorContext context() {
        return context(clientCredentials().with(Credentials.ACCESS_TOKEN, ACCESS_TOKEN));
    }

    /** @return a context with the given credentials */
    public ConnectorContext context(Credentials credentials) {
        return contexts.context(sandbox.endpoints(platform()), credentials);
    }

    /** @return the range of the last {@code days} days up to the account's today */
    public DateRange lastDays(int days) {
        return new DateRange(account.today().minusDays(days - 1L), account.today());
    }

    /** @return every campaign, paging with the collector to the last page */
    public List<Campaign> allCampaigns(ConnectorContext context) {
        return allPages(cursor -> plugin.collector().campaigns(context, plugin.accountId(), cursor));
    }

    /** @return every daily row in the range, paging with the collector to the last page */
    public List<CampaignDailyPerformance> allRows(ConnectorContext context, DateRange range) {
        return allPages(cursor -> plugin.collector().dailyPerformance(context, plugin.accountId(), range, cursor));
    }

    /** @return the action's result */
    public ActionResult execute(ActionRequest request) {
        return join(plugin.executor().execute(context(), request));
    }

    /**
     * Runs the platform's OAuth code flow as a user would: opens the authorization URL (the sandbox
     * approves at once and redirects), takes the code from the redirect and exchanges it.
     *
     * @return the granted credentials plus the client's, as the host stores and sends them
     */
    public Credentials authorize() {
        URI redirect = URI.create("https://app.example/oauth/callback/" + platform().id());
        String state = "contract-state-7f3a";
        URI url = plugin.oauth().authorizationUrl(context(clientCredentials()), redirect, state);
        HttpResponse<String> response = openWithoutFollowing(url);
        String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "authorization URL " + url + " answered " + response.statusCode() + " without a redirect: "
                        + response.body()));
        Map<String, String> query = queryOf(URI.create(location));
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("the redirect lost the state: " + location);
        }
        Credentials granted = join(plugin.oauth().exchangeCode(context(clientCredentials()), query.get("code"), redirect));
        return merged(clientCredentials(), granted);
    }

    /** @return the base credentials with the update's values laid over them, as the host stores a refresh */
    public static Credentials merged(Credentials base, Credentials update) {
        Map<String, String> values = new HashMap<>(base.values());
        values.putAll(update.values());
        return Credentials.of(values);
    }

    /** @return the stage's value, or the {@link ConnectorException} it failed with, rethrown */
    public static <T> T join(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** @return the ConnectorException the call failed with */
    public static ConnectorException failure(Runnable call) {
        try {
            call.run();
        } catch (ConnectorException e) {
            return e;
        } catch (RuntimeException e) {
            throw new AssertionError("expected a ConnectorException, got " + e, e);
        }
        throw new AssertionError("expected the call to fail with a ConnectorException, but it succeeded");
    }

    @Override
    public void close() {
        sandbox.close();
    }

    private static <T> List<T> allPages(Function<String, CompletionStage<Page<T>>> fetch) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page<T> page = join(fetch.apply(cursor));
            items.addAll(page.items());
            if (!page.hasNext()) {
                return items;
            }
            cursor = page.nextCursor();
        }
        throw new AssertionError("still paging after " + MAX_PAGES + " pages: the cursor never ends");
    }

    private static HttpResponse<String> openWithoutFollowing(URI url) {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("cannot open the authorization URL " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> queryOf(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                        parts.length > 1 ? java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }
}
