package ai.stratum.benchmarks.load;

import ai.stratum.benchmarks.cdp.RawEventInsert;
import ai.stratum.benchmarks.cdp.SdkEvent;
import ai.stratum.benchmarks.cdp.SegmentTraffic;
import ai.stratum.benchmarks.cdp.ServerHeap;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CDP ingestion benchmark (docs/benchmarks.md, "CDP ingestion"): SDK-shaped batches
 * ({@link SegmentTraffic}) posted to a running server's {@code POST /v1/batch} with a source's write key,
 * so each event goes through the whole path (HTTP, validation, deduplication, identity resolution,
 * profiles, one committed transaction per request), and, in the same run, the same rows inserted raw
 * ({@link RawEventInsert}) as the baseline.
 *
 * <p>The two alternate in rounds of {@code --round} events, so both see the same table size and the
 * same load from whatever else runs on the machine. A round's request bodies are built before it is
 * timed, and so are the baseline's row arrays, once the round's events are ingested: each raw row takes
 * the profile the server gave the same event. Each phase sends from {@code --concurrency} threads. Every
 * {@code --sample-every} events the server's heap is read ({@link ServerHeap}) and a progress line printed.
 * At the end the stored rows are counted, to show every acknowledged event is in PostgreSQL. With
 * {@code --phase-log FILE} it writes when each timed round ran ({@link PhaseLog}), for splitting CPU samples
 * taken beside it by phase.
 *
 * <pre>
 * java -cp benchmarks/target/stratum-benchmarks.jar ai.stratum.benchmarks.load.CdpIngestLoadRun \
 *     --url http://127.0.0.1:8096 --email admin@stratum.local --password '…' \
 *     --database postgresql://postgres@127.0.0.1:5432/stratum_cdp_load --events 10_000_000 \
 *     [--batch-size 100] [--concurrency 4] [--round 20000] [--sample-every 500000] [--seed 1] [--phase-log FILE]
 * </pre>
 */
public final class CdpIngestLoadRun {

    private static final Pattern SOURCE = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\".*\"writeKey\"\\s*:\\s*\"([^\"]+)\"", Pattern.DOTALL);

    /** A kept-alive connection per sending thread ({@link BlockingHttpClients}). */
    private final CloseableHttpClient http;
    private final URI batchUri;
    private final String authorization;
    private final ExecutorService senders;
    private final int concurrency;

    private CdpIngestLoadRun(URI base, String writeKey, int concurrency) {
        this.batchUri = base.resolve("/v1/batch");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.concurrency = concurrency;
        this.senders = Executors.newFixedThreadPool(concurrency);
        this.http = BlockingHttpClients.of(concurrency, Timeout.ofSeconds(60));
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args);
        long events = options.number("events", 1_000_000);
        int batchSize = (int) options.number("batch-size", 100);
        int concurrency = (int) options.number("concurrency", 4);
        int round = (int) options.number("round", 20_000);
        long sampleEvery = options.number("sample-every", 500_000);
        long seed = options.number("seed", 1);
        Optional<String> phaseLog = Optional.ofNullable(options.get("phase-log", null));
        URI base = URI.create(options.required("url"));
        String databaseUrl = options.required("database");

        GraphQLSession admin = GraphQLSession.login(base, options.required("email"), options.required("password"));
        UUID tenant = UUID.fromString(admin.tenant());
        Matcher created = SOURCE.matcher(admin.post(GraphQLSession.body(
                "mutation { createSource(input: { name: \"ingestion benchmark\" }) { id writeKey } }", "{}")));
        if (!created.find()) {
            throw new IllegalStateException("createSource failed");
        }
        UUID ingestSource = UUID.fromString(created.group(1));
        CdpIngestLoadRun run = new CdpIngestLoadRun(base, created.group(2), concurrency);
        ServerHeap heap = new ServerHeap(base);

        List<Connection> connections = new ArrayList<>();
        try (Connection owner = DatabaseUrls.connect(databaseUrl); PhaseLog phases = PhaseLog.to(phaseLog)) {
            RawEventInsert raw = RawEventInsert.prepare(owner, tenant);
            for (int i = 0; i < concurrency; i++) {
                connections.add(DatabaseUrls.connect(databaseUrl));
                raw.scope(connections.get(i));
            }
            Instant start = Instant.now();
            SegmentTraffic ingestTraffic = new SegmentTraffic(seed, start);
            SegmentTraffic rawTraffic = new SegmentTraffic(seed, start);

            System.out.printf(Locale.ROOT, "%,d events in batches of %d, %d requests (and %d raw inserts) at a time, rounds of %,d%n%n",
                    events, batchSize, concurrency, concurrency, round);
            System.out.println("| events | ingestion events/s | raw insert events/s | ratio | server heap used | of it old gen | old gen after last old-gen GC | elapsed |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            long done = 0;
            double ingestSeconds = 0;
            double rawSeconds = 0;
            double windowIngest = 0;
            double windowRaw = 0;
            long windowEvents = 0;
            long nextSample = sampleEvery;
            long began = System.nanoTime();
            while (done < events) {
                int n = (int) Math.min(round, events - done);
                List<byte[]> bodies = batches(ingestTraffic, n, batchSize).stream()
                        .map(batch -> batchBody(batch).getBytes(StandardCharsets.UTF_8)).toList();
                double ingest = phases.round("ingestion", n, () -> run.send(bodies));
                List<List<SdkEvent>> rawBatches = batches(rawTraffic, n, batchSize);
                Map<String, UUID> profiles = raw.profilesOf(owner, ingestSource,
                        rawBatches.stream().flatMap(List::stream).map(SdkEvent::messageId).toList());
                List<RawEventInsert.RawBatch> rows = new ArrayList<>();
                Instant receivedAt = Instant.now();
                for (List<SdkEvent> batch : rawBatches) {
                    rows.add(raw.rows(batch, receivedAt, profiles));
                }
                double inserted = phases.round("raw", n, () -> run.insert(raw, rows, connections));
                done += n;
                ingestSeconds += ingest;
                rawSeconds += inserted;
                windowIngest += ingest;
                windowRaw += inserted;
                windowEvents += n;
                if (done >= nextSample || done == events) {
                    ServerHeap.Sample sample = heap.sample();
                    System.out.printf(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.0f %% | %,d MB | %,d MB | %s | %.0f s |%n", done,
                            windowEvents / windowIngest, windowEvents / windowRaw, 100 * windowRaw / windowIngest, sample.usedBytes() >> 20,
                            sample.oldGenBytes() >> 20,
                            sample.afterGcBytes().isPresent() ? String.format(Locale.ROOT, "%,d MB", sample.afterGcBytes().getAsLong() >> 20)
                                    : "n/a", (System.nanoTime() - began) / 1e9);
                    windowIngest = 0;
                    windowRaw = 0;
                    windowEvents = 0;
                    nextSample += sampleEvery;
                }
            }
            System.out.printf(Locale.ROOT, "%nTraffic: %s%n", ingestTraffic.mix());
            System.out.printf(Locale.ROOT, "Ingestion with identity resolution: %,.0f events/s (%,d events in %.1f s of requests)%n",
                    events / ingestSeconds, events, ingestSeconds);
            System.out.printf(Locale.ROOT, "Raw batched insert of the same rows: %,.0f events/s (%.1f s)%n", events / rawSeconds, rawSeconds);
            System.out.printf(Locale.ROOT, "Ingestion / raw: %.1f %%%n", 100 * rawSeconds / ingestSeconds);
            report(owner, tenant, ingestSource, raw.source());
        } finally {
            run.senders.shutdown();
            run.http.close();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** Posts the bodies from {@code concurrency} threads; the seconds from the first request to the last answer. */
    private double send(List<byte[]> bodies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            running.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpPost request = new HttpPost(batchUri);
                    request.setHeader("Authorization", authorization);
                    request.setEntity(new ByteArrayEntity(bodies.get(i), ContentType.APPLICATION_JSON));
                    http.execute(request, response -> {
                        String text = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                        if (response.getCode() != 200 || !text.contains("\"success\":true")) {
                            throw new IllegalStateException("HTTP " + response.getCode() + ": " + text);
                        }
                        return null;
                    });
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** Inserts the batches from one thread per connection; the seconds it took. */
    private double insert(RawEventInsert raw, List<RawEventInsert.RawBatch> batches, List<Connection> connections) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (Connection connection : connections) {
            running.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                    raw.insert(connection, batches.get(i));
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** The traffic's next {@code events} events, in batches of {@code batchSize} (the last one may be smaller). */
    private static List<List<SdkEvent>> batches(SegmentTraffic traffic, int events, int batchSize) {
        List<List<SdkEvent>> batches = new ArrayList<>();
        for (int left = events; left > 0; left -= batchSize) {
            batches.add(traffic.nextBatch(Math.min(batchSize, left)));
        }
        return batches;
    }

    static String batchBody(List<SdkEvent> batch) {
        StringBuilder body = new StringBuilder(batch.size() * 1200).append("{\"batch\":[");
        for (int i = 0; i < batch.size(); i++) {
            body.append(i == 0 ? "" : ",").append(batch.get(i).toJson());
        }
        return body.append("]}").toString();
    }

    /** What the run stored, counted in the database: every acknowledged event must be there. */
    private static void report(Connection connection, UUID tenant, UUID ingestSource, UUID rawSource) throws SQLException {
        System.out.printf(Locale.ROOT, "Stored: %,d ingested events, %,d raw events; %,d live profiles, "
                        + "%,d merged; %,d identifiers; %,d merges recorded%n",
                count(connection, "SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND source_id = '" + ingestSource + "'", tenant),
                count(connection, "SELECT count(*) FROM cdp_events WHERE tenant_id = ? AND source_id = '" + rawSource + "'", tenant),
                count(connection, "SELECT count(*) FROM cdp_profiles WHERE tenant_id = ? AND merged_into IS NULL", tenant),
                count(connection, "SELECT count(*) FROM cdp_profiles WHERE tenant_id = ? AND merged_into IS NOT NULL", tenant),
                count(connection, "SELECT count(*) FROM cdp_identifiers WHERE tenant_id = ?", tenant),
                count(connection, "SELECT count(*) FROM cdp_merges WHERE tenant_id = ? AND outcome = 'MERGED'", tenant));
    }

    private static long count(Connection connection, String sql, UUID tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
