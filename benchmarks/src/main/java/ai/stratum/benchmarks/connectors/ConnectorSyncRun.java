package ai.stratum.benchmarks.connectors;

import ai.stratum.benchmarks.connectors.SyncBenchmarkAccounts.BenchmarkAccount;
import ai.stratum.benchmarks.load.CommandLineOptions;
import ai.stratum.benchmarks.load.GraphQLSession;
import ai.stratum.plugin.api.Platform;
import ai.stratum.sandbox.Sandbox;
import ai.stratum.sandbox.SandboxPlatforms;
import ai.stratum.sandbox.platform.ServedRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static ai.stratum.benchmarks.load.GraphQLSession.body;

/**
 * The connector sync benchmark (docs/benchmarks.md, "Connector sync"): syncs a sandbox account of
 * {@code --campaigns} campaigns per platform over each of {@code --days} date ranges, through the
 * real plugin jars and the server's real sync path into PostgreSQL, and prints per sync the rows
 * written per second and the server's heap.
 *
 * <p>The sandbox runs in this JVM; the server in a child JVM ({@link ServerProcess}) with
 * {@code -Xmx} {@code --heap}, on a fresh database, its heap and CPU read over JMX and its GC log
 * ({@link HeapProbe}): before each sync the server is left to finish its background work and a
 * full collection resets the pools' peaks; after it, the peaks, the collections during the sync and
 * the CPU it took. A first, unreported sync of {@code --warmup-days} per platform warms the JIT. Rows per
 * second are the run's {@code rowsWritten} over its {@code finishedAt - startedAt}, both as the
 * server recorded them. The sandbox's own share is the time its HTTP servers spent working out the
 * answers, in wall-clock time and in CPU time (its rows per CPU second are the sync's rows over the
 * latter, a figure a busy machine does not distort); the time spent sending them waits on the
 * server reading.
 *
 * <pre>
 * java -cp benchmarks/target/stratum-benchmarks.jar ai.stratum.benchmarks.connectors.ConnectorSyncRun \
 *     --server-jar server/target/stratum-server.jar --database postgresql://postgres@127.0.0.1:5432/stratum_sync_benchmark \
 *     [--campaigns 500] [--days 30,90,365] [--repeat 2] [--warmup-days 30] [--heap 256m] [--requests-per-second 20] [--platforms META,GOOGLE,TIKTOK,SNAPCHAT] \
 *     [--server-jvm-options "-XX:StartFlightRecording=filename=server.jfr"]
 * </pre>
 * The database is dropped and created afresh; the user must be allowed to.
 */
public final class ConnectorSyncRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "sync-benchmark-password-1";
    private static final Map<Platform, String> VARIABLE_PREFIX = Map.of(Platform.META, "STRATUM_META_",
            Platform.GOOGLE, "STRATUM_GOOGLE_ADS_", Platform.TIKTOK, "STRATUM_TIKTOK_", Platform.SNAPCHAT, "STRATUM_SNAPCHAT_");

    private final GraphQLSession session;
    private final Sandbox sandbox;
    private final HeapProbe heap;

    private ConnectorSyncRun(GraphQLSession session, Sandbox sandbox, HeapProbe heap) {
        this.session = session;
        this.sandbox = sandbox;
        this.heap = heap;
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args);
        int campaigns = Integer.parseInt(options.get("campaigns", "500"));
        int[] ranges = Arrays.stream(options.get("days", "30,90,365").split(",")).mapToInt(Integer::parseInt).toArray();
        int repeat = Integer.parseInt(options.get("repeat", "2"));
        int warmupDays = Integer.parseInt(options.get("warmup-days", "30"));
        List<Platform> platforms = Arrays.stream(options.get("platforms", "META,GOOGLE,TIKTOK,SNAPCHAT").split(","))
                .map(Platform::valueOf).toList();
        URI database = URI.create(options.required("database"));
        Path directory = Files.createTempDirectory("stratum-sync-benchmark");

        List<BenchmarkAccount> accounts = SyncBenchmarkAccounts.of(campaigns, Arrays.stream(ranges).max().orElse(90));
        try (Sandbox sandbox = SandboxPlatforms.everyPlatform().build()) {
            SyncBenchmarkAccounts.install(sandbox, accounts);
            recreate(database);
            Map<String, String> env = serverEnvironment(sandbox, database, directory, options.get("requests-per-second", "20"));
            List<String> jvmOptions = options.get("server-jvm-options", "").isBlank() ? List.of()
                    : List.of(options.get("server-jvm-options", "").trim().split("\\s+"));
            try (ServerProcess server = ServerProcess.start(Path.of(options.required("server-jar")), options.get("heap", "256m"),
                    jvmOptions, env, directory);
                 HeapProbe heap = HeapProbe.connect(server)) {
                ConnectorSyncRun run = new ConnectorSyncRun(GraphQLSession.login(server.baseUrl(), "admin@stratum.local", PASSWORD),
                        sandbox, heap);
                Map<Platform, String> connections = new EnumMap<>(Platform.class);
                for (BenchmarkAccount account : accounts) {
                    if (platforms.contains(account.platform())) {
                        connections.put(account.platform(), run.connect(account));
                    }
                }
                System.out.printf(Locale.ROOT, "%d campaigns per account; server -Xmx%s (heap max %d MB); output and GC log in %s%n%n",
                        campaigns, options.get("heap", "256m"), heap.maxBytes() >> 20, directory);
                System.out.println("| platform | days | rows written | seconds | rows/s | server CPU | rows/server CPU s | peak heap "
                        + "| most before a GC | most after a GC | GCs | live after | sandbox requests | sandbox answering | its CPU "
                        + "| sandbox rows/CPU s |");
                System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
                // one unreported sync per platform first, so the measured ones run on compiled code, not the JIT's first pass
                for (Platform platform : platforms) {
                    if (warmupDays > 0) {
                        run.measure(platform, connections.get(platform), warmupDays);
                    }
                }
                for (int round = 0; round < repeat; round++) {
                    for (int days : ranges) {
                        for (Platform platform : platforms) {
                            System.out.println(run.measure(platform, connections.get(platform), days));
                        }
                    }
                }
            }
        }
    }

    private String connect(BenchmarkAccount account) throws Exception {
        String input = "{\"i\":{\"platform\":\"" + account.platform().name() + "\",\"accountId\":\"" + account.spec().accountId()
                + "\",\"displayName\":\"" + account.spec().name() + "\",\"accessToken\":\"" + account.accessToken() + "\"}}";
        return data(session.post(body("mutation($i: ConnectAccountInput!) { connectAccount(input: $i) { id } }", input)))
                .path("connectAccount").path("id").asText();
    }

    /** One sync of the last {@code days} complete days; returns its table row. */
    private String measure(Platform platform, String connection, int days) throws Exception {
        LocalDate to = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate from = to.minusDays(days - 1L);
        if (!heap.awaitQuiet()) {
            System.out.println("(the server was still busy after 5 minutes; measuring anyway)");
        }
        heap.reset();
        ServedRequests before = sandbox.served(platform);
        String started = data(session.post(body("mutation($id: ID!, $f: Date, $t: Date) { syncConnection(id: $id, from: $f, to: $t) "
                + "{ id } }", "{\"id\":\"" + connection + "\",\"f\":\"" + from + "\",\"t\":\"" + to + "\"}")))
                .path("syncConnection").path("id").asText();
        JsonNode run = awaitRun(started);
        HeapProbe.Usage usage = heap.read();
        ServedRequests served = sandbox.served(platform).since(before);
        if (!"SUCCEEDED".equals(run.path("status").asText())) {
            throw new IllegalStateException(platform + " " + days + " days: the sync " + run.path("status").asText() + ": "
                    + run.path("error").asText());
        }
        long rows = run.path("rowsWritten").asLong();
        double seconds = Duration.between(Instant.parse(run.path("startedAt").asText()), Instant.parse(run.path("finishedAt").asText()))
                .toNanos() / 1e9;
        double answeringCpu = served.answeringCpu().toNanos() / 1e9;
        return String.format(Locale.ROOT, "| %s | %d | %,d | %.2f | %,.0f | %.1f s | %,.0f | %.0f MB | %d MB | %d MB | %d | %.0f MB "
                        + "| %,d | %.2f s | %.2f s | %,.0f |",
                platform, days, rows, seconds, rows / seconds, usage.cpuSeconds(), rows / usage.cpuSeconds(), mb(usage.peakBytes()),
                usage.mostBeforeGcMb(), usage.mostAfterGcMb(), usage.collections(), mb(usage.liveAfterBytes()), served.requests(),
                served.answering().toNanos() / 1e9, answeringCpu, rows / answeringCpu);
    }

    private JsonNode awaitRun(String runId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = data(session.post(body("query($id: ID!) { syncRun(id: $id) { status rowsWritten startedAt finishedAt error } }",
                    "{\"id\":\"" + runId + "\"}"))).path("syncRun");
            if (!"RUNNING".equals(run.path("status").asText())) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("sync run " + runId + " did not finish within 30 minutes");
    }

    private static JsonNode data(String response) throws Exception {
        JsonNode tree = JSON.readTree(response);
        if (tree.has("errors")) {
            throw new IllegalStateException("the server answered an error: " + response);
        }
        return tree.path("data");
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** The server's environment: the fresh database, a small pool, no demo, every platform pointed at the sandbox. */
    private static Map<String, String> serverEnvironment(Sandbox sandbox, URI database, Path directory, String requestsPerSecond) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", database.toString());
        env.put("STRATUM_DATABASE_POOL_SIZE", "4");
        env.put("STRATUM_HOME", directory.resolve("home").toString());
        env.put("STRATUM_ADMIN_PASSWORD", PASSWORD);
        env.put("STRATUM_DEMO", "off");
        env.put("STRATUM_LOG_LEVEL", "WARN");
        // the benchmark starts every sync itself; the schedule's first round would read the accounts again meanwhile
        env.put("STRATUM_SYNC_INTERVAL", "24h");
        env.put("STRATUM_SYNC_INITIAL_DELAY", "24h");
        env.put("STRATUM_CONNECTOR_REQUESTS_PER_SECOND", requestsPerSecond);
        env.put("STRATUM_GOOGLE_ADS_DEVELOPER_TOKEN", "sync-benchmark-developer-token");
        for (Platform platform : sandbox.platforms()) {
            String url = sandbox.endpoints(platform).api().toString();
            String prefix = VARIABLE_PREFIX.get(platform);
            env.put(prefix + "BASE_URL", url);
            env.put(prefix + "OAUTH_BASE_URL", url);
            env.put(prefix + "AUTHORIZE_BASE_URL", url);
        }
        return env;
    }

    /** Drops and creates the benchmark's database, so every run starts from empty tables. */
    private static void recreate(URI database) throws Exception {
        String[] user = database.getUserInfo() == null ? new String[] {"postgres"} : database.getUserInfo().split(":", 2);
        String name = database.getPath().substring(1);
        String jdbc = "jdbc:postgresql://" + database.getHost() + ":" + (database.getPort() < 0 ? 5432 : database.getPort()) + "/postgres";
        try (Connection connection = DriverManager.getConnection(jdbc, user[0], user.length > 1 ? user[1] : null);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            statement.execute("CREATE DATABASE \"" + name + "\"");
        }
    }
}
