package ai.stratum.server.cdp.rfm;

import ai.stratum.server.cdp.CdpSettings;
import ai.stratum.server.database.Database;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.tenancy.TenantRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * RFM scores of a tenant's customers, from their order events ({@code STRATUM_CDP_ORDER_EVENTS}): recency
 * of the newest order, number of orders, and revenue in the tenant's currency (orders in other
 * currencies count for frequency, not for monetary: amounts are never converted). Recomputed for every
 * customer at once, since a score is a rank among all of them.
 */
@Singleton
public class RfmService {

    private static final Logger LOG = LoggerFactory.getLogger(RfmService.class);

    private final Database database;
    private final TenantRepository tenants;
    private final ProfileScoreRepository scores;
    private final Set<String> orderEvents;
    private final Clock clock;

    RfmService(Database database, TenantRepository tenants, ProfileScoreRepository scores, CdpSettings settings, Clock clock) {
        this.database = database;
        this.tenants = tenants;
        this.scores = scores;
        this.orderEvents = settings.orderEventNames();
        this.clock = clock;
    }

    /** Scores every live customer of the tenant; emits how many. */
    public Mono<Long> recompute(TenantId tenant) {
        Instant now = clock.instant();
        return database.inTenantOne(tenant, connection -> tenants.findById(connection, tenant)
                .flatMap(found -> scores.customers(connection, tenant, orderEvents, found.currency()).collectList())
                // ranking is CPU work proportional to the customers: off the event loop
                .publishOn(Schedulers.boundedElastic())
                .map(RfmScorer::score)
                .flatMap(scored -> scores.replaceRfm(connection, tenant, scored, now)))
                .defaultIfEmpty(0L)
                .doOnNext(count -> LOG.info("event=cdp_rfm_computed tenant={} customers={}", tenant, count));
    }
}
