package ai.stratum.server.cdp.score;

import ai.stratum.server.database.Database;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Computes and stores each tenant's CDP score over the last {@link #WINDOW} (events by day of
 * receipt, profiles by their last event, audience syncs by when they were measured), and reads it.
 * The score holds no personal data: any role may read it.
 */
@Singleton
public class CdpScoreService {

    static final Duration WINDOW = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(CdpScoreService.class);

    private final Database database;
    private final CdpScoreRepository scores;
    private final Clock clock;

    CdpScoreService(Database database, CdpScoreRepository scores, Clock clock) {
        this.database = database;
        this.scores = scores;
        this.clock = clock;
    }

    /** Recomputes the tenant's score; emits it, or nothing when the tenant has no CDP data in the window (the stored one is removed). */
    public Mono<Optional<CdpScore>> refresh(TenantId tenant) {
        Instant now = clock.instant();
        return database.inTenantOne(tenant, connection -> scores.inputs(connection, tenant, now.minus(WINDOW))
                        .flatMap(inputs -> {
                            Optional<CdpScore> score = CdpScoreCalculator.score(inputs, now);
                            return (score.isPresent() ? scores.save(connection, tenant, score.get()) : scores.clear(connection, tenant))
                                    .thenReturn(score);
                        }))
                .doOnNext(score -> LOG.debug("event=cdp_score_computed tenant={} score={}", tenant,
                        score.map(s -> String.valueOf(s.score())).orElse("none")));
    }

    public Mono<CdpScore> current(Caller caller) {
        TenantId tenant = caller.require(Role.VIEWER).tenant();
        return database.inTenantOne(tenant, connection -> scores.find(connection, tenant));
    }
}
