package ai.stratum.server.autopilot;

import ai.stratum.server.database.Database;
import ai.stratum.server.database.Sql;
import ai.stratum.server.lock.DistributedLock;
import ai.stratum.server.signals.SignalHealthService;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Every {@code stratum.autopilot.interval} (30 minutes by default), once across all server
 * instances: each tenant's day of health history is brought up to date and its autopilot runs.
 * A lease per tenant and interval window, left to expire rather than released, makes the instance
 * that takes it the only one to run that tenant in that window.
 */
@Singleton
@Requires(property = "stratum.autopilot.enabled", notEquals = "false")
class AutopilotScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(AutopilotScheduler.class);
    private static final Duration MAX_RUN = Duration.ofMinutes(10);

    private final Database database;
    private final DistributedLock locks;
    private final AutopilotRunner runner;
    private final SignalHealthService health;
    private final Duration interval;
    private final Clock clock;

    AutopilotScheduler(Database database, DistributedLock locks, AutopilotRunner runner, SignalHealthService health,
                       @Value("${stratum.autopilot.interval:30m}") Duration interval, Clock clock) {
        this.database = database;
        this.interval = interval;
        this.clock = clock;
        this.locks = locks;
        this.runner = runner;
        this.health = health;
    }

    @Scheduled(fixedDelay = "${stratum.autopilot.interval:30m}", initialDelay = "${stratum.autopilot.initial-delay:1m}")
    void runAll() {
        // runs on the scheduler's own thread, never an event loop: waiting here is fine
        database.asSystem(connection -> Sql.of(connection, "SELECT id FROM tenants ORDER BY id").rows(row -> row.get("id", UUID.class)))
                .map(TenantId::new)
                .concatMap(this::runTenant)
                .then()
                .block(MAX_RUN);
    }

    private Mono<Void> runTenant(TenantId tenant) {
        long window = clock.instant().getEpochSecond() / interval.toSeconds();
        return locks.tryAcquire("autopilot:" + tenant + ":" + window, interval.multipliedBy(2))
                .flatMap(lease -> lease.isEmpty()
                        ? Mono.<Void>empty()
                        : health.recordToday(tenant)
                        .then(runner.run(tenant, false, Optional.empty()))
                        .then()
                        .onErrorResume(e -> {
                            // one tenant's failure must not stop the others' autopilot
                            LOG.error("event=autopilot_run_failed tenant={}", tenant, e);
                            return Mono.empty();
                        }))
                .onErrorResume(e -> {
                    LOG.error("event=autopilot_lease_failed tenant={}", tenant, e);
                    return Mono.empty();
                });
    }
}
