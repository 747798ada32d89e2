package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.lock.Lease;
import ai.stratum.server.ml.anomaly.Anomaly;
import ai.stratum.server.ml.anomaly.CampaignAnomalyDetector;
import ai.stratum.server.ml.anomaly.CampaignDay;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import ai.stratum.server.trust.config.TrustContextLoader;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Looks for anomalies in every campaign of a tenant ({@link CampaignAnomalyDetector}): the
 * {@value #SCAN_DAYS} days up to yesterday are judged (today is still being spent), against the
 * {@value #HISTORY_DAYS} days up to yesterday. The z-score threshold is the tenant's trust setting, so the
 * ML engine and the trust engine call the same days anomalous. What is new is stored and announced
 * on {@code anomalyDetected}; a day's finding is stored once, however often it is seen again.
 *
 * <p>One scan per tenant at a time across all instances (a lease): a scan asked for while another runs is
 * skipped, and the next one (after the next sync, or the half-hourly one) looks at the same days again.
 */
@Singleton
public class AnomalyScanner {

    static final int SCAN_DAYS = 14;
    static final int HISTORY_DAYS = 90;
    static final Duration MAX_SCAN = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(AnomalyScanner.class);

    private final Database database;
    private final TenantRepository tenants;
    private final TrustContextLoader contexts;
    private final CampaignHistoryRepository history;
    private final AnomalyRepository anomalies;
    private final AnomalyFeed feed;
    private final MlComputation computation;
    private final DistributedLock locks;
    private final MeterRegistry meters;
    private final Clock clock;

    AnomalyScanner(Database database, TenantRepository tenants, TrustContextLoader contexts, CampaignHistoryRepository history,
                   AnomalyRepository anomalies, AnomalyFeed feed, MlComputation computation, DistributedLock locks,
                   MeterRegistry meters, Clock clock) {
        this.database = database;
        this.tenants = tenants;
        this.contexts = contexts;
        this.history = history;
        this.anomalies = anomalies;
        this.feed = feed;
        this.computation = computation;
        this.locks = locks;
        this.meters = meters;
        this.clock = clock;
    }

    /** @return the anomalies this scan found that were not known before; none when another scan of the tenant was running */
    public Mono<List<AnomalyView>> scan(TenantId tenant) {
        return locks.tryAcquire("ml-anomaly-scan:" + tenant, MAX_SCAN).flatMap(lease -> {
            if (lease.isEmpty()) {
                LOG.debug("event=ml_anomaly_scan_skipped tenant={} reason=running", tenant);
                return Mono.just(List.<AnomalyView>of());
            }
            return Mono.usingWhen(Mono.just(lease.get()), held -> scanHolding(tenant).timeout(MAX_SCAN), Lease::release,
                    (held, error) -> held.release(), Lease::release);
        });
    }

    /** Starts a scan without waiting for it; its failure is logged. */
    void scanInBackground(TenantId tenant) {
        scan(tenant).subscribe(found -> { }, error -> LOG.error("event=ml_anomaly_scan_failed tenant={}", tenant, error));
    }

    private Mono<List<AnomalyView>> scanHolding(TenantId tenant) {
        long started = System.nanoTime();
        return database.inTenantOne(tenant, connection -> tenants.findById(connection, tenant)
                        .switchIfEmpty(Mono.error(() -> ApiException.notFound("No tenant with id " + tenant)))
                        .zipWith(contexts.load(connection, tenant)))
                .flatMap(loaded -> {
                    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(loaded.getT1().timezone()));
                    double threshold = loaded.getT2().settings().anomalyZScoreThreshold();
                    return database.inTenant(tenant, connection -> history.allDays(connection, tenant, today.minusDays(HISTORY_DAYS),
                                    today.minusDays(1)))
                            .collectList()
                            .flatMap(rows -> computation.run(() -> detect(tenant, rows, today, threshold)));
                })
                .flatMap(found -> store(tenant, found))
                .doOnNext(stored -> {
                    stored.forEach(anomaly -> meters.counter("stratum.ml.anomalies.detected", "method", anomaly.method().name())
                            .increment());
                    LOG.info("event=ml_anomaly_scan tenant={} new={} millis={}", tenant, stored.size(),
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                });
    }

    private static List<Found> detect(TenantId tenant, List<CampaignDayRow> rows, LocalDate today, double zScoreThreshold) {
        CampaignAnomalyDetector detector = new CampaignAnomalyDetector(zScoreThreshold, CampaignAnomalyDetector.DEFAULT_FOREST_THRESHOLD);
        Map<CampaignKey, List<CampaignDayRow>> byCampaign = new LinkedHashMap<>();
        for (CampaignDayRow row : rows) {
            byCampaign.computeIfAbsent(new CampaignKey(row.platform(), row.campaignId()), key -> new ArrayList<>()).add(row);
        }
        List<Found> found = new ArrayList<>();
        LocalDate scanFrom = today.minusDays(SCAN_DAYS);
        byCampaign.forEach((campaign, days) -> {
            // a campaign whose account changed currency: its newest currency's days, never a mix
            String currency = days.get(days.size() - 1).currency();
            List<CampaignDay> series = days.stream().filter(day -> day.currency().equals(currency)).map(CampaignDayRow::campaignDay).toList();
            long seed = Objects.hash(tenant, campaign, today);
            for (Anomaly anomaly : detector.detect(series, scanFrom, seed)) {
                found.add(new Found(campaign, currency, anomaly));
            }
        });
        return found;
    }

    /** Stores what is new in one transaction, then announces it. */
    private Mono<List<AnomalyView>> store(TenantId tenant, List<Found> found) {
        if (found.isEmpty()) {
            return Mono.just(List.of());
        }
        return database.inTenant(tenant, connection -> Flux.fromIterable(found)
                        .concatMap(f -> anomalies.insertIfNew(connection, tenant, f.campaign().platform(), f.campaign().campaignId(),
                                f.currency(), f.anomaly())))
                .collectList()
                .flatMap(stored -> Flux.fromIterable(stored).concatMap(anomaly -> feed.publish(tenant, anomaly)).then(Mono.just(stored)));
    }

    private record CampaignKey(Platform platform, String campaignId) {
    }

    private record Found(CampaignKey campaign, String currency, Anomaly anomaly) {
    }
}
