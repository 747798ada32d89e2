package ai.stratum.server.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.signals.health.SignalHealth;
import ai.stratum.server.signals.health.SignalSnapshot;
import ai.stratum.server.tenancy.TenantDataChange;
import ai.stratum.server.tenancy.TenantDataChanges;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import ai.stratum.server.trust.config.FeatureFlag;
import ai.stratum.server.trust.config.TrustContext;
import ai.stratum.server.trust.config.TrustContextLoader;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Signal snapshots in, health out: per account, and spend-weighted per platform and per tenant.
 * Health is computed when asked, from the newest snapshots, because freshness decays with time.
 */
@Singleton
public class SignalHealthService {

    static final int MAX_HISTORY_RANGE_DAYS = 366;

    private final Database database;
    private final AccountSignalRepository signals;
    private final HealthHistory history;
    private final TrustContextLoader contexts;
    private final TenantRepository tenants;
    private final SignalHealthFeed feed;
    private final TenantDataChanges dataChanges;
    private final TenantCdpScore cdpScores;
    private final Clock clock;

    public SignalHealthService(Database database, AccountSignalRepository signals, HealthHistory history,
                               TrustContextLoader contexts, TenantRepository tenants, SignalHealthFeed feed,
                               TenantDataChanges dataChanges, TenantCdpScore cdpScores, Clock clock) {
        this.database = database;
        this.signals = signals;
        this.history = history;
        this.contexts = contexts;
        this.tenants = tenants;
        this.feed = feed;
        this.dataChanges = dataChanges;
        this.cdpScores = cdpScores;
        this.clock = clock;
    }

    /**
     * Stores one snapshot (nothing when it is refused) and returns the account's recomputed health, then
     * announces the tenant's new data.
     */
    public Mono<SignalHealthView> ingest(Caller caller, Map<String, Object> input) {
        caller.require(Role.DATA_ANALYST);
        Instant now = clock.instant();
        SignalSnapshot snapshot = SignalsInputReader.read(input, now);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> signals.upsert(connection, tenant, snapshot)
                        .then(contexts.load(connection, tenant))
                        .flatMap(context -> computer(connection, tenant, context, now).flatMap(computer -> {
                            SignalHealth health = computer.account(snapshot);
                            return recordDay(connection, tenant, context, computer, snapshot.platform()).thenReturn(health);
                        })))
                .map(SignalHealthView::of)
                .flatMap(view -> feed.publish(tenant, view)
                        .then(dataChanges.changed(tenant, TenantDataChange.SIGNALS_INGESTED))
                        .thenReturn(view));
    }

    /**
     * Stores the snapshot a connector sync built, inside the sync's transaction, and re-records the
     * day's history as {@link #ingest} does. The sync owns the EMQ readings, data time, platform
     * revenue and daily metrics; the analytics revenue and CDP score come from other sources, so
     * the ones already stored are kept. Publish the returned health with {@link #publish} once the
     * transaction has committed.
     */
    public Mono<SignalHealthView> recordSynced(Connection connection, TenantId tenant, SignalSnapshot synced) {
        Instant now = clock.instant();
        return signals.find(connection, tenant, synced.platform(), synced.accountId())
                .map(stored -> new SignalSnapshot(synced.platform(), synced.accountId(), synced.emqScores(), synced.lastReceivedAt(),
                        synced.platformRevenue(), stored.analyticsRevenue(), synced.current(), synced.history(), stored.cdpEmqScore()))
                .defaultIfEmpty(synced)
                .flatMap(snapshot -> signals.upsert(connection, tenant, snapshot)
                        .then(contexts.load(connection, tenant))
                        .flatMap(context -> computer(connection, tenant, context, now).flatMap(computer -> {
                            SignalHealth health = computer.account(snapshot);
                            return recordDay(connection, tenant, context, computer, snapshot.platform()).thenReturn(health);
                        })))
                .map(SignalHealthView::of);
    }

    /** Tells subscribers of {@code signalHealthUpdated} about an account's new health. */
    public Mono<Void> publish(TenantId tenant, SignalHealthView health) {
        return feed.publish(tenant, health);
    }

    public Mono<SignalHealthView> health(Caller caller, Optional<Platform> platform, Optional<String> accountId) {
        if (accountId.isPresent() && platform.isEmpty()) {
            throw ApiException.badInput("accountId", "accountId needs its platform");
        }
        TenantId tenant = caller.tenant();
        Instant now = clock.instant();
        return database.inTenantOne(tenant, connection -> contexts.load(connection, tenant)
                .flatMap(context -> {
                    if (!context.flags().on(FeatureFlag.SIGNAL_HEALTH)) {
                        return Mono.error(ApiException.unavailable("Signal health is switched off for this tenant (feature flag SIGNAL_HEALTH)"));
                    }
                    return computer(connection, tenant, context, now).flatMap(computer -> accountId.isPresent()
                            ? accountHealth(connection, tenant, computer, platform.get(), accountId.get())
                            : signals.all(connection, tenant, platform).collectList().map(snapshots -> computer.aggregate(snapshots, platform)));
                }))
                .map(SignalHealthView::of);
    }

    /**
     * The health the gate judges an action on, inside the caller's transaction. With the
     * SIGNAL_HEALTH flag off there is no score to trust, so the account counts as 0.
     */
    public Mono<SignalHealth> healthForGate(Connection connection, TenantId tenant, TrustContext context, Platform platform,
                                            String accountId) {
        return computer(connection, tenant, context, clock.instant())
                .flatMap(computer -> accountHealth(connection, tenant, computer, platform, accountId))
                .map(health -> context.flags().on(FeatureFlag.SIGNAL_HEALTH) ? health : HealthComputer.untrusted(health));
    }

    public Flux<HealthDay> history(Caller caller, LocalDate from, LocalDate to, Optional<Platform> platform) {
        if (to.isBefore(from)) {
            throw ApiException.badInput("to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_HISTORY_RANGE_DAYS) {
            throw ApiException.badInput("to", "At most " + MAX_HISTORY_RANGE_DAYS + " days per request");
        }
        TenantId tenant = caller.tenant();
        return database.inTenant(tenant, connection -> contexts.load(connection, tenant)
                .flatMapMany(context -> context.flags().on(FeatureFlag.SIGNAL_HEALTH_HISTORY)
                        ? history.between(connection, tenant, from, to, platform)
                        : Flux.error(ApiException.unavailable(
                        "Signal health history is switched off for this tenant (feature flag SIGNAL_HEALTH_HISTORY)"))));
    }

    public Flux<SignalHealthView> updates(Caller caller, Optional<Platform> platform) {
        return feed.updates(caller.tenant(), platform);
    }

    /** Re-records today's history rows of every platform the tenant has signals for, and the tenant's. */
    public Mono<Void> recordToday(TenantId tenant) {
        Instant now = clock.instant();
        return database.inTenantOne(tenant, connection -> contexts.load(connection, tenant)
                .flatMap(context -> computer(connection, tenant, context, now)
                        .flatMap(computer -> signals.all(connection, tenant, Optional.empty()).map(SignalSnapshot::platform).distinct()
                                .concatMap(platform -> recordDay(connection, tenant, context, computer, platform))
                                .then(Mono.just(true))))).then();
    }

    /** Health under the tenant's settings and flags, with its own CDP score when it has one. */
    private Mono<HealthComputer> computer(Connection connection, TenantId tenant, TrustContext context, Instant now) {
        return cdpScores.score(connection, tenant).map(OptionalDouble::of).defaultIfEmpty(OptionalDouble.empty())
                .map(cdp -> new HealthComputer(context.settings(), context.flags(), now, cdp));
    }

    private Mono<SignalHealth> accountHealth(Connection connection, TenantId tenant, HealthComputer computer, Platform platform,
                                             String accountId) {
        return signals.find(connection, tenant, platform, accountId)
                .defaultIfEmpty(HealthComputer.empty(platform, accountId))
                .map(computer::account);
    }

    private Mono<Void> recordDay(Connection connection, TenantId tenant, TrustContext context, HealthComputer computer,
                                 Platform platform) {
        if (!context.flags().on(FeatureFlag.SIGNAL_HEALTH_HISTORY)) {
            return Mono.empty();
        }
        return tenants.findById(connection, tenant)
                .flatMap(found -> signals.all(connection, tenant, Optional.empty()).collectList()
                        .flatMap(snapshots -> {
                            LocalDate today = LocalDate.ofInstant(computer.now(), ZoneId.of(found.timezone()));
                            return history.record(connection, tenant, today, snapshots, platform, context, computer);
                        }));
    }
}
