package ai.stratum.benchmarks.load;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A load run of the ML engine's GraphQL operations against a running server, as a client sends them:
 * each operation warmed up, then timed request by request from {@code --concurrency} clients at once, its
 * p50, p95 and p99 printed as a Markdown table (docs/benchmarks.md, "ML through GraphQL").
 *
 * <p>It logs in as the given user, writes {@value #CAMPAIGNS} campaigns with 150 days of history into
 * that user's tenant (straight into the server's PostgreSQL, as a connector sync would: the server has no
 * mutation for campaign days), and times:
 * <ul>
 *   <li>{@code simulateBudget} with 1,000 runs, a new seed each request (computed), and the same input
 *   again and again (served from the cache);</li>
 *   <li>{@code forecast} of 30 days, a new (campaign, days) each request (computed), and the same again (cached);</li>
 *   <li>{@code creativeFatigue} and {@code eventQuality}, computed each time;</li>
 *   <li>{@code anomalies} over 14 days, read from the database.</li>
 * </ul>
 *
 * <pre>
 * java -cp benchmarks/target/stratum-benchmarks.jar ai.stratum.benchmarks.load.MlLoadRun \
 *     --url http://127.0.0.1:8090 --email admin@stratum.local --password '…' \
 *     --database postgresql://postgres@127.0.0.1:5432/stratum_load [--requests 2000] [--warmup 2000] [--concurrency 1]
 * </pre>
 */
public final class MlLoadRun {

    static final int CAMPAIGNS = 60;
    private static final String EVENT = "{\"event_name\":\"Purchase\",\"user_data\":{\"em\":[\"973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824"
            + "a89ea65dba4e813b\"],\"client_ip_address\":\"93.184.216.34\",\"client_user_agent\":\"Mozilla/5.0 (Macintosh; Intel Mac OS X "
            + "14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15\",\"fbc\":\"fb.1.1700000000000.IwAR2xyz\"}}";

    private final GraphQLClient client;

    private MlLoadRun(GraphQLClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        RunOptions options = RunOptions.parse(args);
        int requests = (int) options.number("requests", 2000);
        int warmup = (int) options.number("warmup", 2000);
        int concurrency = (int) options.number("concurrency", 1);
        GraphQLClient client = GraphQLClient.login(URI.create(options.required("url")), options.required("email"),
                options.required("password"));
        MlLoadRun run = new MlLoadRun(client);
        String tenant = client.tenant();
        seed(options.required("database"), tenant);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, IntFunction<String>> operations = new LinkedHashMap<>();
        operations.put("simulateBudget, 1,000 runs (computed)", i -> simulate(i % CAMPAIGNS, 1_000_000 + i));
        operations.put("simulateBudget, 1,000 runs (cached)", i -> simulate(0, 7));
        operations.put("forecast, 30 days (computed)", i -> forecast(i % CAMPAIGNS, 1 + (i / CAMPAIGNS) % 90));
        operations.put("forecast, 30 days (cached)", i -> forecast(1, 30));
        operations.put("creativeFatigue", i -> fatigue(i));
        operations.put("eventQuality", i -> GraphQLClient.body("query($e: JSON!) { eventQuality(event: $e, platform: META) { score level "
                + "missingFields recommendations } }", "{\"e\":" + EVENT + "}"));
        operations.put("anomalies, 14 days", i -> GraphQLClient.body("query($f: Date!, $t: Date!) { anomalies(from: $f, to: $t) { campaignId date "
                + "metric method score } }", "{\"f\":\"" + today.minusDays(14) + "\",\"t\":\"" + today + "\"}"));

        System.out.printf(Locale.ROOT, "%d requests each after %d to warm up, %d at a time%n%n", requests, warmup, concurrency);
        System.out.println("| operation | p50 | p95 | p99 | max | requests/s |");
        System.out.println("|---|---|---|---|---|---|");
        int offset = 0;
        for (Map.Entry<String, IntFunction<String>> operation : operations.entrySet()) {
            run.time(operation.getValue(), offset, warmup, concurrency);
            double[] latencies = run.time(operation.getValue(), offset + warmup, requests, concurrency);
            offset += warmup + requests;
            System.out.println(row(operation.getKey(), latencies, run.lastSeconds));
        }
    }

    private double lastSeconds;

    /** Sends {@code count} requests from {@code concurrency} clients; returns each one's latency in ms, sorted. */
    private double[] time(IntFunction<String> body, int first, int count, int concurrency) throws Exception {
        double[] latencies = new double[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String request = body.apply(first + i);
                        long sent = System.nanoTime();
                        String response = client.post(request);
                        latencies[i] = (System.nanoTime() - sent) / 1e6;
                        if (response.contains("\"errors\"")) {
                            throw new IllegalStateException("the server answered an error: " + response);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }
        lastSeconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return latencies;
    }

    private static String simulate(int campaign, long seed) {
        return GraphQLClient.body("query($in: SimulateBudgetInput!) { simulateBudget(input: $in) { baseline { spend revenue roas conversions } "
                + "scenarios { name spend revenue roas conversions marginalRoas confidenceInterval } computedAt } }",
                "{\"in\":{\"campaignId\":\"load-" + campaign + "\",\"baseBudget\":9000,\"timeHorizonDays\":30,\"simulations\":1000,"
                        + "\"seed\":" + (seed % Integer.MAX_VALUE) + ",\"scenarios\":[{\"name\":\"+20% Budget\",\"budgetChangePercent\":20},"
                        + "{\"name\":\"-20% Budget\",\"budgetChangePercent\":-20},{\"name\":\"+50% Budget\",\"budgetChangePercent\":50}]}}");
    }

    private static String forecast(int campaign, int days) {
        return GraphQLClient.body("query($in: ForecastInput!) { forecast(input: $in) { currency computedAt days { date spend { value lower upper } "
                + "revenue { value lower upper } roas { value lower upper } } } }",
                "{\"in\":{\"level\":\"CAMPAIGN\",\"campaignId\":\"load-" + campaign + "\",\"days\":" + days + "}}");
    }

    private static String fatigue(int i) {
        return GraphQLClient.body("query($in: CreativeFatigueInput!) { creativeFatigue(input: $in) { fatigueScore fatigueLevel daysUntilCritical "
                + "recommendation suggestedActions } }", "{\"in\":{\"daysInRotation\":" + (i % 60) + ",\"totalImpressions\":1250000,"
                + "\"frequency\":" + (1 + i % 9) + ",\"ctrTrend7d\":-0.05,\"ctrTrend30d\":-0.25,\"engagementDecayRate\":0.3,"
                + "\"initialCtr\":0.02,\"currentCtr\":0.015}}");
    }

    /**
     * Writes the campaigns' days into the tenant, as a sync would: spend moving week by week between
     * 0.7 and 1.3 times a base budget, revenue on a saturating curve with a weekly rhythm and noise.
     */
    private static void seed(String databaseUrl, String tenant) throws SQLException {
        LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        try (Connection connection = DatabaseUrls.connect(databaseUrl);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO campaign_daily_performance (tenant_id, platform, "
                     + "campaign_id, date, spend_micros, revenue_micros, conversions, impressions, clicks, currency) "
                     + "VALUES (?, 'META', ?, ?, ?, ?, ?, ?, ?, 'USD') ON CONFLICT DO NOTHING")) {
            for (int c = 0; c < CAMPAIGNS; c++) {
                SplittableRandom random = new SplittableRandom(c);
                double base = 150 + 10 * c;
                double factor = 1;
                for (int back = 149; back >= 0; back--) {
                    LocalDate day = last.minusDays(back);
                    if (day.getDayOfWeek().getValue() == 1) {
                        factor = 0.7 + 0.6 * random.nextDouble();
                    }
                    double spend = base * factor * (0.86 + 0.14 * random.nextDouble());
                    double week = 1 + 0.06 * Math.sin(day.getDayOfWeek().getValue());
                    double revenue = Math.max(0, 6 * base * (1 - Math.exp(-spend / base)) * week * (1 + 0.15 * random.nextGaussian()));
                    insert.setObject(1, UUID.fromString(tenant));
                    insert.setString(2, "load-" + c);
                    insert.setObject(3, day);
                    insert.setLong(4, Math.round(spend * 100) * 10_000L);
                    insert.setLong(5, Math.round(revenue * 100) * 10_000L);
                    insert.setDouble(6, Math.floor(revenue / 60));
                    insert.setLong(7, Math.round(spend / 12 * 1000));
                    insert.setLong(8, Math.round(spend / 12 * 15));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static String row(String operation, double[] latencies, double seconds) {
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f |", operation, percentile(latencies, 0.50),
                percentile(latencies, 0.95), percentile(latencies, 0.99), latencies[latencies.length - 1], latencies.length / seconds);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
