package ai.stratum.server.trust;

import ai.stratum.server.database.Database;
import ai.stratum.server.security.Caller;
import ai.stratum.server.signals.SignalHealthService;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.config.TrustContext;
import ai.stratum.server.trust.config.TrustContextLoader;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges an action by the health of the account it touches, under the tenant's gate
 * configuration. An emergency stop shows as the FROZEN mode; it does not change the decision,
 * which is the health's alone.
 */
@Singleton
public class GateService {

    private final Database database;
    private final TrustContextLoader contexts;
    private final SignalHealthService health;

    public GateService(Database database, TrustContextLoader contexts, SignalHealthService health) {
        this.database = database;
        this.contexts = contexts;
        this.health = health;
    }

    /** What would happen to the action now. Writes nothing. */
    public Mono<GateView> evaluate(Caller caller, ActionSpec action) {
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> contexts.load(connection, tenant)
                        .flatMap(context -> judge(connection, tenant, context, action)))
                .map(Judgement::view);
    }

    public Mono<Judgement> judge(Connection connection, TenantId tenant, TrustContext context, ActionSpec action) {
        return health.healthForGate(connection, tenant, context, action.platform(), action.accountId())
                .map(accountHealth -> {
                    GateEvaluation evaluation = new TrustGate(context.gate()).evaluate(action.actionType(), accountHealth.overallScore());
                    return new Judgement(action, frozenAware(evaluation, context), accountHealth);
                });
    }

    private static GateEvaluation frozenAware(GateEvaluation evaluation, TrustContext context) {
        if (context.freeze().isEmpty()) {
            return evaluation;
        }
        List<String> reasons = new ArrayList<>(evaluation.reasons());
        reasons.add("Autopilot is frozen by an emergency stop: " + context.freeze().get().reason());
        return new GateEvaluation(evaluation.decision(), evaluation.riskLevel(), evaluation.threshold(), AutopilotMode.FROZEN,
                List.copyOf(reasons), evaluation.score());
    }
}
