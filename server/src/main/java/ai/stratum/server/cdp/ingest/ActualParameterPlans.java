package ai.stratum.server.cdp.ingest;

import ai.stratum.server.database.Sql;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

/**
 * Has PostgreSQL plan the rest of an ingestion transaction's statements for their actual parameters
 * and the tables' current statistics. The driver keeps each statement prepared on its pooled
 * connection, and after five runs PostgreSQL may settle on one generic plan for good; made while the
 * CDP tables were small, such a plan scanned them (identifiers, profiles, the source's events), so
 * every batch took longer than the one before and ingestion slowed to a crawl as the tables grew.
 * Planning a batch's dozen statements costs a millisecond or two; the setting ends with the transaction.
 */
final class ActualParameterPlans {

    private ActualParameterPlans() {
    }

    static Mono<Void> forThisTransaction(Connection connection) {
        return Sql.of(connection, "SELECT set_config('plan_cache_mode', 'force_custom_plan', true) AS mode").rows(row -> row).then();
    }

    /**
     * Lets the rest of the transaction use cached plans again. For the event insert, which goes last: its
     * foreign keys are checked by a prepared query per row, and custom planning re-planned that query for
     * every event (about 19 µs each); the insert itself reads nothing but its parameter arrays, so no plan
     * of it goes stale as the tables grow.
     */
    static Mono<Void> cachedFromHere(Connection connection) {
        // DEFAULT is the value the session would have without any SET: the server's own, as pg_settings'
        // reset_val, without building that view's every row in each ingestion transaction
        return Sql.of(connection, "SET LOCAL plan_cache_mode TO DEFAULT").update().then();
    }
}
