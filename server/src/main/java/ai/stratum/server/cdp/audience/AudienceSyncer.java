package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.AudienceUpdate;
import ai.stratum.plugin.api.NewAudience;
import ai.stratum.server.cdp.privacy.AudienceRemovals;
import ai.stratum.server.connectors.AccountConnection;
import ai.stratum.server.connectors.ConnectorAudiences;
import ai.stratum.server.connectors.ConnectorCallException;
import ai.stratum.server.database.Database;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one sync of a segment to one connected account: for each of the account's audiences (e-mail,
 * phone) it removes the hashes no consenting member has any more, then adds the new ones, in
 * batches of {@value #BATCH}, recording each batch once the platform took it; then it reads the
 * platform's match figures. The audience is created on the platform with its first batch, so an
 * audience without members is never made. A batch the platform refused is sent again by the next
 * sync; adding or removing twice is harmless by the plugin API's contract.
 */
@Singleton
class AudienceSyncer {

    static final int BATCH = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AudienceSyncer.class);

    private final Database database;
    private final AudienceRepository repository;
    private final ConnectorAudiences platforms;
    private final AudienceRemovals removals;
    private final Clock clock;

    AudienceSyncer(Database database, AudienceRepository repository, ConnectorAudiences platforms, AudienceRemovals removals,
                   Clock clock) {
        this.database = database;
        this.repository = repository;
        this.platforms = platforms;
        this.removals = removals;
        this.clock = clock;
    }

    /** Runs the sync to its end and records how it ended on the run, which it returns: it never fails itself. */
    Mono<AudienceSyncRun> sync(AccountConnection account, AudienceSyncRun run, String segmentName) {
        TenantId tenant = account.tenant();
        // what the platforms took so far: a failed run still tells what reached them
        AtomicReference<RunTally> progress = new AtomicReference<>(RunTally.NONE);
        Sync sync = new Sync(account, run, progress);
        return Flux.fromIterable(AudienceKey.of(account.platform()))
                .concatMap(key -> sync.audience(key, key.audienceName(segmentName, run.segmentId())))
                .then(database.inTenantOne(tenant, connection -> repository.eligibility(connection, tenant, run.segmentId())
                        .flatMap(eligibility -> {
                            RunTally done = progress.updateAndGet(t -> t.withEligibility(eligibility.eligible(), eligibility.withoutConsent()));
                            return removals.settle(connection, tenant, clock.instant())
                                    .then(matchReport(connection, account, done))
                                    .then(repository.finish(connection, tenant, run.id(), done, AudienceSyncStatus.SUCCEEDED, null,
                                            clock.instant()))
                                    .thenReturn(done);
                        })))
                .doOnNext(done -> LOG.info("event=audience_synced tenant={} segment={} connection={} platform={} added={} removed={} "
                                + "eligible={} withoutConsent={} matched={}", tenant, run.segmentId(), account.id(), account.platform(),
                        done.added(), done.removed(), done.eligible(), done.withoutConsent(), done.matchedCount()))
                .then()
                .onErrorResume(failure -> failed(account, run, progress.get(), failure))
                .then(database.inTenantOne(tenant, connection -> repository.run(connection, tenant, run.id())));
    }

    /** What the platforms matched of what the run's audiences hold, for the CDP score; nothing when they did not say. */
    private Mono<Long> matchReport(Connection connection, AccountConnection account, RunTally done) {
        if (done.matchedCount() == null || done.matchedAudienceSize() == 0) {
            return Mono.just(0L);
        }
        long sent = done.uploadedCount() != null ? Math.max(done.uploadedCount(), done.matchedAudienceSize()) : done.matchedAudienceSize();
        return repository.matchReport(connection, account.tenant(), account.platform(), sent, done.matchedCount(), clock.instant());
    }

    private Mono<Void> failed(AccountConnection account, AudienceSyncRun run, RunTally sofar, Throwable failure) {
        String message = failure instanceof ConnectorCallException ? failure.getMessage()
                : "The audience sync failed unexpectedly; the server log has the details (run " + run.id() + ")";
        LOG.warn("event=audience_sync_failed tenant={} segment={} connection={} platform={} error=\"{}\"", account.tenant(),
                run.segmentId(), account.id(), account.platform(), failure.toString(), failure);
        TenantId tenant = account.tenant();
        return database.inTenantOne(tenant, connection -> repository.finish(connection, tenant, run.id(), sofar,
                        AudienceSyncStatus.FAILED, message, clock.instant()))
                .onErrorResume(unrecorded -> {
                    LOG.error("event=audience_sync_unrecorded tenant={} run={}", tenant, run.id(), unrecorded);
                    return Mono.empty();
                })
                .then();
    }

    /** One run's work on one account. */
    private final class Sync {

        private final AccountConnection account;
        private final AudienceSyncRun run;
        private final AtomicReference<RunTally> progress;
        private final TenantId tenant;

        Sync(AccountConnection account, AudienceSyncRun run, AtomicReference<RunTally> progress) {
            this.account = account;
            this.run = run;
            this.progress = progress;
            this.tenant = account.tenant();
        }

        Mono<Void> audience(AudienceKey key, String name) {
            return stored(key, name)
                    .flatMap(audience -> removeAll(audience, key).then(addAll(audience, key, audience.platformAudienceId())))
                    .then(stored(key, name))
                    .flatMap(this::match);
        }

        private Mono<Audience> stored(AudienceKey key, String name) {
            return database.inTenantOne(tenant, connection -> repository.audience(connection, tenant, run.segmentId(), account, key, name));
        }

        private Mono<Void> removeAll(Audience audience, AudienceKey key) {
            if (audience.platformAudienceId() == null) {
                return Mono.empty();
            }
            return database.inTenant(tenant, connection -> repository.toRemove(connection, tenant, run.segmentId(), audience.id(), key, BATCH))
                    .collectList()
                    .flatMap(batch -> batch.isEmpty() ? Mono.<Void>empty() : platforms.update(account, new AudienceUpdate(
                                    account.accountId(), audience.platformAudienceId(), key.type(), List.of(), batch))
                            .flatMap(result -> database.inTenantOne(tenant, connection -> repository.removed(connection, tenant,
                                            audience.id(), batch))
                                    .doOnNext(recorded -> progress.updateAndGet(t -> t.withRemoved(batch.size(), result.received(),
                                            result.invalid()))))
                            .then(removeAll(audience, key)));
        }

        private Mono<Void> addAll(Audience audience, AudienceKey key, String platformAudienceId) {
            return database.inTenant(tenant, connection -> repository.toAdd(connection, tenant, run.segmentId(), audience.id(), key, BATCH))
                    .collectList()
                    .flatMap(batch -> {
                        if (batch.isEmpty()) {
                            return Mono.<Void>empty();
                        }
                        if (platformAudienceId == null) {
                            return platforms.create(account, new NewAudience(account.accountId(), audience.name(), key.type(), batch))
                                    .flatMap(created -> database.inTenantOne(tenant, connection -> repository.created(connection, tenant,
                                                    audience.id(), created)
                                            .then(repository.added(connection, tenant, audience.id(), batch)))
                                            .doOnNext(recorded -> progress.updateAndGet(t -> t.withAdded(batch.size(), batch.size(), 0)))
                                            .then(addAll(audience, key, created)));
                        }
                        return platforms.update(account, new AudienceUpdate(account.accountId(), platformAudienceId, key.type(), batch,
                                        List.of()))
                                .flatMap(result -> database.inTenantOne(tenant, connection -> repository.added(connection, tenant,
                                                audience.id(), batch))
                                        .doOnNext(recorded -> progress.updateAndGet(t -> t.withAdded(batch.size(), result.received(),
                                                result.invalid()))))
                                .then(addAll(audience, key, platformAudienceId));
                    });
        }

        /** Reads the platform's match figures; a platform that cannot say now leaves them as they were, it does not fail the sync. */
        private Mono<Void> match(Audience audience) {
            if (audience.platformAudienceId() == null) {
                return Mono.empty();
            }
            return platforms.match(account, audience.platformAudienceId())
                    .flatMap(match -> database.inTenantOne(tenant, connection -> repository.synced(connection, tenant, audience.id(),
                                    uploaded(match), match.matchedCount(), match.measuredAt(), clock.instant()))
                            .doOnNext(recorded -> progress.updateAndGet(t -> t.withMatch(uploaded(match), match.matchedCount(),
                                    audience.size()))))
                    .onErrorResume(ConnectorCallException.class, failure -> {
                        LOG.warn("event=audience_match_unread tenant={} audience={} platform={} error=\"{}\"", tenant, audience.id(),
                                account.platform(), failure.getMessage());
                        return database.inTenantOne(tenant, connection -> repository.synced(connection, tenant, audience.id(),
                                null, null, null, clock.instant()));
                    })
                    .then();
        }
    }

    private static Long uploaded(AudienceMatch match) {
        return match.uploadedCount().isPresent() ? match.uploadedCount().getAsLong() : null;
    }
}
