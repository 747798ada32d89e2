package ai.stratum.server.analytics;

import ai.stratum.server.audit.ActivityFeed;
import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.Audited;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.database.Database;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loading exchange rates. Rates are shared by every tenant, so a tenant admin changing one would
 * change every other tenant's reports: only a SUPER_ADMIN may. The load is recorded in the audit
 * trail and activity feed of the tenant the super admin acts in.
 */
@Singleton
public class FxRateService {

    private final Database database;
    private final FxRateRepository rates;
    private final AuditLog audit;
    private final ActivityFeed activity;
    private final Clock clock;

    public FxRateService(Database database, FxRateRepository rates, AuditLog audit, ActivityFeed activity, Clock clock) {
        this.database = database;
        this.rates = rates;
        this.audit = audit;
        this.activity = activity;
        this.clock = clock;
    }

    /** Checks the caller, then the rates, then writes them in one transaction with their audit event. */
    Mono<Integer> upsert(Caller caller, String requestId, List<FxRateInput> inputs) {
        caller.require(Role.SUPER_ADMIN);
        List<FxRate> input = FxRateInputs.read(inputs, clock.instant());
        if (input.isEmpty()) {
            return Mono.just(0);
        }
        TreeSet<String> pairs = new TreeSet<>();
        input.forEach(rate -> pairs.add(rate.base() + "/" + rate.quote()));
        AuditEvent event = new AuditEvent("fx_rates.upserted", "fx_rates", null,
                Map.of("count", String.valueOf(input.size()), "pairs", String.join(",", pairs)));
        return activity.afterCommit(database.inTenantOne(caller.tenant(), connection -> rates.upsert(connection, input)
                .flatMap(written -> audit.record(connection, caller, requestId, event)
                        .map(recorded -> new Audited<>(written.intValue(), recorded)))));
    }
}
