package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.tenancy.Tenant;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the ML schedules do ({@link MlScheduler} says when), each once per tenant and period across every
 * server instance: a lease per job, period and tenant, left to expire rather than released, lets only the
 * instance that takes it do that tenant's work in that period. Every item runs through {@link MlBatch}:
 * a failing one is logged and counted, and the rest go on.
 *
 * <ul>
 *   <li><b>Daily forecasts</b>: a {@value #FORECAST_DAYS}-day forecast of every campaign with spend in the
 *   last {@value #ACTIVE_DAYS} days and of each of their platforms, stored in {@code ml_forecasts}
 *   ({@code dailyForecasts} reads them); forecasts older than {@value #KEEP_FORECAST_DAYS} days are dropped.</li>
 *   <li><b>Live</b>: every tenant's anomaly scan, and every {@link LivePredictionTask}.</li>
 *   <li><b>Fatigue</b>: the day's fatigue score of every creative whose figures are kept
 *   ({@link CreativeFatigueService}).</li>
 * </ul>
 */
@Singleton
public class MlJobs {

    static final int FORECAST_DAYS = 30;
    static final int ACTIVE_DAYS = 14;
    static final int KEEP_FORECAST_DAYS = 90;
    static final Duration LIVE_PERIOD = Duration.ofMinutes(30);

    private final Database database;
    private final DistributedLock locks;
    private final ForecastService forecasts;
    private final ForecastRepository stored;
    private final AnomalyScanner scanner;
    private final List<LivePredictionTask> liveTasks;
    private final CreativeFatigueService fatigue;
    private final MeterRegistry meters;
    private final Clock clock;

    MlJobs(Database database, DistributedLock locks, ForecastService forecasts, ForecastRepository stored, AnomalyScanner scanner,
           List<LivePredictionTask> liveTasks, CreativeFatigueService fatigue, MeterRegistry meters, Clock clock) {
        this.database = database;
        this.locks = locks;
        this.forecasts = forecasts;
        this.stored = stored;
        this.scanner = scanner;
        this.liveTasks = List.copyOf(liveTasks);
        this.fatigue = fatigue;
        this.meters = meters;
        this.clock = clock;
    }

    /** @return every tenant, for the scheduler */
    Flux<TenantId> allTenants() {
        return database.asSystem(connection -> Sql.of(connection, "SELECT id FROM tenants ORDER BY id").rows(row -> row.get("id", UUID.class)))
                .map(TenantId::new);
    }

    /** The daily forecasts of the tenants whose lease for today this instance takes. */
    Mono<List<MlBatch.ItemOutcome>> dailyForecasts(Flux<TenantId> tenants) {
        MlBatch batch = new MlBatch("daily-forecasts", meters);
        String period = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        return leased("daily-forecasts", period, Duration.ofHours(23), tenants)
                .concatMap(tenant -> forecastItems(tenant)
                        .flatMap(items -> batch.run(Flux.fromIterable(items), ForecastItem::describe, this::forecastAndStore))
                        .onErrorResume(error -> batch.run(Flux.just(tenant), t -> "tenant=" + t, t -> Mono.error(error))))
                .flatMapIterable(outcomes -> outcomes)
                .collectList();
    }

    /** Every tenant's anomaly scan and live prediction tasks, once per half hour. */
    Mono<List<MlBatch.ItemOutcome>> live(Flux<TenantId> tenants) {
        MlBatch batch = new MlBatch("live", meters);
        long window = clock.instant().getEpochSecond() / LIVE_PERIOD.toSeconds();
        return leased("live", Long.toString(window), LIVE_PERIOD, tenants)
                .concatMap(tenant -> {
                    List<LiveItem> items = new ArrayList<>();
                    items.add(new LiveItem(tenant, "anomaly-scan", () -> scanner.scan(tenant).then()));
                    liveTasks.forEach(task -> items.add(new LiveItem(tenant, task.name(), () -> task.run(tenant))));
                    return batch.run(Flux.fromIterable(items), LiveItem::describe, item -> item.work().get());
                })
                .flatMapIterable(outcomes -> outcomes)
                .collectList();
    }

    /** Today's fatigue score of every kept creative of the tenants whose lease for today this instance takes. */
    Mono<List<MlBatch.ItemOutcome>> fatigueScores(Flux<TenantId> tenants) {
        MlBatch batch = new MlBatch("fatigue-scores", meters);
        String period = LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
        return leased("fatigue-scores", period, Duration.ofHours(23), tenants)
                .concatMap(tenant -> fatigue.creativesToScore(tenant)
                        .flatMap(creatives -> batch.run(Flux.fromIterable(creatives), CreativeFatigueService.Creative::describe,
                                        fatigue::scoreToday)
                                .flatMap(outcomes -> fatigue.scored(tenant).thenReturn(outcomes)))
                        .onErrorResume(error -> batch.run(Flux.just(tenant), t -> "tenant=" + t, t -> Mono.error(error))))
                .flatMapIterable(outcomes -> outcomes)
                .collectList();
    }

    /** The tenants whose lease for this job and period this instance took. */
    private Flux<TenantId> leased(String job, String period, Duration ttl, Flux<TenantId> tenants) {
        return tenants.concatMap(tenant -> locks.tryAcquire("ml:" + job + ":" + period + ":" + tenant, ttl)
                .flatMap(lease -> lease.isPresent() ? Mono.just(tenant) : Mono.<TenantId>empty()));
    }

    private Mono<List<ForecastItem>> forecastItems(TenantId tenant) {
        return forecasts.tenant(tenant).flatMap(found -> {
            LocalDate today = forecasts.today(found);
            return database.inTenant(tenant, connection -> Sql.of(connection, "SELECT DISTINCT platform, campaign_id FROM "
                                    + "campaign_daily_performance WHERE tenant_id = $1 AND date >= $2 AND spend_micros > 0 "
                                    + "ORDER BY platform, campaign_id", tenant.value(), today.minusDays(ACTIVE_DAYS))
                            .rows(row -> new String[] {row.get("platform", String.class), row.get("campaign_id", String.class)}))
                    .collectList()
                    .flatMap(active -> database.inTenant(tenant, connection -> stored.deleteBefore(connection, tenant,
                                    today.minusDays(KEEP_FORECAST_DAYS)))
                            .then(Mono.fromCallable(() -> items(found, today, active))));
        });
    }

    private static List<ForecastItem> items(Tenant tenant, LocalDate today, List<String[]> active) {
        List<ForecastItem> items = new ArrayList<>();
        Set<Platform> platforms = new LinkedHashSet<>();
        for (String[] campaign : active) {
            Platform platform = Platform.valueOf(campaign[0]);
            platforms.add(platform);
            items.add(new ForecastItem(tenant, today, new ForecastRequest(ForecastLevel.CAMPAIGN, Optional.of(campaign[1]),
                    Optional.of(platform), FORECAST_DAYS)));
        }
        for (Platform platform : platforms) {
            items.add(new ForecastItem(tenant, today, new ForecastRequest(ForecastLevel.PLATFORM, Optional.empty(), Optional.of(platform),
                    FORECAST_DAYS)));
        }
        return items;
    }

    private Mono<Long> forecastAndStore(ForecastItem item) {
        TenantId tenant = item.tenant().id();
        return forecasts.compute(item.tenant(), item.request(), item.today())
                .flatMap(view -> database.inTenantOne(tenant, connection -> stored.upsert(connection, tenant, item.today(), view)));
    }

    private record ForecastItem(Tenant tenant, LocalDate today, ForecastRequest request) {

        String describe() {
            return "tenant=" + tenant.id() + " " + request.level().name().toLowerCase(Locale.ROOT) + "="
                    + request.platform().map(Platform::name).orElse("") + request.campaignId().map(id -> "/" + id).orElse("");
        }
    }

    private record LiveItem(TenantId tenant, String task, Supplier<Mono<Void>> work) {

        String describe() {
            return "tenant=" + tenant + " task=" + task;
        }
    }
}
