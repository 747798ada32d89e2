package ai.stratum.server.connectors;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.server.database.Database;
import ai.stratum.server.tenancy.TenantId;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Gathers one run's checked daily rows and stages them a few thousand at a time, each flush in its
 * own short transaction: plugins page in as few as 31 rows (Snapchat) or 100 (Meta), and a
 * transaction per page would cost more than the rows. Memory stays at one flush's worth of rows
 * (plus at most one page), however long the date range. Used by one sync at a time, page after page.
 */
final class StagingBuffer {

    /** Rows gathered before they are staged. */
    static final int FLUSH_AT = 5000;

    private final Database database;
    private final StagedPerformance staged;
    private final TenantId tenant;
    private final UUID runId;
    private final List<CampaignDailyPerformance> pending = new ArrayList<>();

    StagingBuffer(Database database, StagedPerformance staged, TenantId tenant, UUID runId) {
        this.database = database;
        this.staged = staged;
        this.tenant = tenant;
        this.runId = runId;
    }

    /** Takes a page; stages everything gathered once there is enough. */
    Mono<Void> add(List<CampaignDailyPerformance> rows) {
        return Mono.defer(() -> {
            pending.addAll(rows);
            return pending.size() >= FLUSH_AT ? flush() : Mono.empty();
        });
    }

    /** Stages whatever is gathered. */
    Mono<Void> flush() {
        return Mono.defer(() -> {
            if (pending.isEmpty()) {
                return Mono.empty();
            }
            List<CampaignDailyPerformance> rows = List.copyOf(pending);
            pending.clear();
            return database.inTenantOne(tenant, connection -> staged.stage(connection, tenant, runId, rows)).then();
        });
    }
}
