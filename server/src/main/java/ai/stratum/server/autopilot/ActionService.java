package ai.stratum.server.autopilot;

import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.Page;
import ai.stratum.server.graphql.PageCursor;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.signals.SignalHealthService;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.ActionSpec;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateService;
import ai.stratum.server.trust.Judgement;
import ai.stratum.server.trust.config.TrustContextLoader;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The life of an action: gated when proposed (PASS executes, HOLD waits for a person, BLOCK is
 * refused), checked again at the moment of execution, executed once per idempotency key, and
 * every step audited. The promise kept here: nothing automated executes while the account's
 * health is below the action's threshold.
 */
@Singleton
public class ActionService {

    private static final Logger LOG = LoggerFactory.getLogger(ActionService.class);
    private static final int MAX_REASON_LENGTH = 1000;

    private final Database database;
    private final ActionRepository actions;
    private final ActionAuditor auditor;
    private final GateService gate;
    private final TrustContextLoader contexts;
    private final SignalHealthService health;
    private final ActionDispatcher dispatcher;
    private final ActionEvents events;

    public ActionService(Database database, ActionRepository actions, ActionAuditor auditor, GateService gate,
                         TrustContextLoader contexts, SignalHealthService health, ActionDispatcher dispatcher, ActionEvents events) {
        this.database = database;
        this.actions = actions;
        this.auditor = auditor;
        this.gate = gate;
        this.contexts = contexts;
        this.health = health;
        this.dispatcher = dispatcher;
        this.events = events;
    }

    public Mono<StoredAction> submit(Caller caller, ActionSpec spec, boolean dryRun) {
        caller.require(Role.MEDIA_BUYER);
        if (spec.actionType() == ActionType.EMERGENCY_STOP) {
            throw ApiException.badInput("action.actionType", "EMERGENCY_STOP is emergencyStop(reason): it also freezes the autopilot");
        }
        return propose(caller.tenant(), spec, dryRun, Optional.of(caller.userId()), null);
    }

    /**
     * Gates and records a new action, or returns the one already recorded under its idempotency
     * key; executes it when the gate passed it. {@code by} is empty when the autopilot proposes.
     */
    Mono<StoredAction> propose(TenantId tenant, ActionSpec spec, boolean dryRun, Optional<UUID> by, String rule) {
        String key = spec.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
        return database.inTenantOne(tenant, connection -> actions.byKey(connection, tenant, key)
                        .map(existing -> new Proposed(existing, Optional.empty()))
                        .switchIfEmpty(Mono.defer(() -> decide(connection, tenant, spec, key, dryRun, by, rule))))
                .flatMap(proposed -> {
                    if (proposed.judgement().isEmpty()) {
                        return Mono.just(proposed.action());
                    }
                    Mono<StoredAction> announced = events.decided(tenant, proposed.judgement().get().view())
                            .then(events.statusChanged(proposed.action()));
                    return proposed.action().status() == ActionStatus.EXECUTING
                            ? announced.flatMap(action -> execute(tenant, action, ExecutionGuard.GATE, by))
                            : announced;
                });
    }

    public Mono<StoredAction> approve(Caller caller, UUID id) {
        caller.require(Role.MEDIA_BUYER);
        return claim(caller, id, List.of(ActionStatus.PENDING_APPROVAL), AuditDecisionType.APPROVE, null)
                .flatMap(action -> execute(caller.tenant(), action, ExecutionGuard.APPROVAL, Optional.of(caller.userId())));
    }

    public Mono<StoredAction> override(Caller caller, UUID id, String reason) {
        caller.require(Role.TENANT_ADMIN);
        String why = reason(reason);
        return claim(caller, id, List.of(ActionStatus.BLOCKED, ActionStatus.PENDING_APPROVAL), AuditDecisionType.OVERRIDE, why)
                .flatMap(action -> execute(caller.tenant(), action, ExecutionGuard.OVERRIDE, Optional.of(caller.userId())));
    }

    public Mono<StoredAction> reject(Caller caller, UUID id, String reason) {
        caller.require(Role.MEDIA_BUYER);
        String why = reason(reason);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> existing(connection, tenant, id)
                        .flatMap(action -> actions.transition(connection, tenant, id, List.of(ActionStatus.PENDING_APPROVAL),
                                        ActionStatus.REJECTED, new ActionRepository.Transition(Optional.empty(), Optional.empty(),
                                                Optional.of("Rejected: " + why), Optional.of(caller.userId())))
                                .switchIfEmpty(Mono.error(notIn(action, "PENDING_APPROVAL")))
                                .flatMap(rejected -> auditor.human(connection, tenant, rejected, AuditDecisionType.REJECT, caller, why)
                                        .thenReturn(rejected))))
                .flatMap(events::statusChanged);
    }

    public Mono<StoredAction> get(Caller caller, UUID id) {
        return database.inTenantOne(caller.tenant(), connection -> actions.byId(connection, caller.tenant(), id));
    }

    public Mono<Page<StoredAction>> pending(Caller caller, PageRequest request) {
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> actions.pendingPage(connection, tenant, request.after(), request.first() + 1)
                .collectList()
                .zipWith(actions.pendingCount(connection, tenant))
                .map(rows -> Page.of(rows.getT1(), request,
                        action -> new PageCursor(action.createdAt(), UUID.fromString(action.id())), rows.getT2())));
    }

    private Mono<Proposed> decide(Connection connection, TenantId tenant, ActionSpec spec, String key, boolean dryRun,
                                  Optional<UUID> by, String rule) {
        return contexts.load(connection, tenant)
                .flatMap(context -> gate.judge(connection, tenant, context, spec)
                        .flatMap(judgement -> {
                            ActionStatus status = dryRun ? ActionStatus.DRY_RUN : switch (judgement.evaluation().decision()) {
                                case PASS -> ActionStatus.EXECUTING;
                                case HOLD -> ActionStatus.PENDING_APPROVAL;
                                case BLOCK -> ActionStatus.BLOCKED;
                            };
                            var evaluation = judgement.evaluation();
                            String error = status == ActionStatus.BLOCKED ? String.join("; ", evaluation.reasons()) : null;
                            var row = new ActionRepository.NewAction(spec.platform(), spec.accountId(), spec.entityType(),
                                    spec.entityId(), spec.actionType(), spec.parameters(), status, evaluation.decision(),
                                    evaluation.riskLevel(), evaluation.threshold(), evaluation.reasons(), key,
                                    judgement.health().overallScore(), dryRun, rule, by, error);
                            return actions.insert(connection, tenant, row)
                                    .flatMap(stored -> auditor.decision(connection, tenant, context, stored, judgement, by)
                                            .thenReturn(new Proposed(stored, Optional.of(judgement))))
                                    // a concurrent submission with the same key got there first: theirs stands
                                    .switchIfEmpty(Mono.defer(() -> actions.byKey(connection, tenant, key)
                                            .map(existing -> new Proposed(existing, Optional.empty()))));
                        }));
    }

    /** Moves an action the caller names into EXECUTING, or says why it cannot be. */
    private Mono<StoredAction> claim(Caller caller, UUID id, List<ActionStatus> from, AuditDecisionType step, String reason) {
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> existing(connection, tenant, id)
                .flatMap(action -> actions.transition(connection, tenant, id, from, ActionStatus.EXECUTING,
                                ActionRepository.Transition.by(caller.userId()))
                        .switchIfEmpty(Mono.error(notIn(action, from.stream().map(Enum::name).reduce((a, b) -> a + " or " + b)
                                .orElseThrow())))
                        .flatMap(claimed -> auditor.human(connection, tenant, claimed, step, caller, reason).thenReturn(claimed))));
    }

    /** Re-checks health, then dispatches, then records the outcome; the action must be claimed (EXECUTING). */
    private Mono<StoredAction> execute(TenantId tenant, StoredAction claimed, ExecutionGuard guard, Optional<UUID> by) {
        UUID id = UUID.fromString(claimed.id());
        return database.inTenantOne(tenant, connection -> contexts.load(connection, tenant)
                        .flatMap(context -> health.healthForGate(connection, tenant, context, claimed.platform(), claimed.accountId())
                                .flatMap(now -> {
                                    double score = now.overallScore();
                                    Optional<String> refusal = guard.refusal(claimed, score, context.gate());
                                    var transition = new ActionRepository.Transition(Optional.of(score), Optional.empty(),
                                            refusal, Optional.empty());
                                    if (refusal.isEmpty()) {
                                        return actions.transition(connection, tenant, id, List.of(ActionStatus.EXECUTING),
                                                ActionStatus.EXECUTING, transition).map(action -> new Step(action, true));
                                    }
                                    boolean canWait = guard == ExecutionGuard.GATE && score >= context.gate().holdThreshold();
                                    ActionStatus resting = canWait ? ActionStatus.PENDING_APPROVAL : ActionStatus.BLOCKED;
                                    return actions.transition(connection, tenant, id, List.of(ActionStatus.EXECUTING), resting, transition)
                                            .flatMap(action -> auditor.stopped(connection, tenant, context, action, now, refusal.get(), by)
                                                    .thenReturn(new Step(action, false)));
                                })))
                .flatMap(step -> step.proceed()
                        ? dispatch(tenant, step.action(), by)
                        : events.statusChanged(step.action()));
    }

    private Mono<StoredAction> dispatch(TenantId tenant, StoredAction action, Optional<UUID> by) {
        return dispatcher.dispatch(tenant, action)
                .onErrorResume(e -> {
                    LOG.error("event=action_dispatch_failed tenant={} action={}", tenant, action.id(), e);
                    return Mono.just(new ActionDispatcher.Outcome.Failed("The platform call failed unexpectedly; see the server log"));
                })
                .flatMap(outcome -> database.inTenantOne(tenant, connection -> {
                    boolean done = outcome instanceof ActionDispatcher.Outcome.Done;
                    var transition = done
                            ? new ActionRepository.Transition(Optional.empty(),
                            Optional.of(((ActionDispatcher.Outcome.Done) outcome).platformResponse()), Optional.empty(), Optional.empty())
                            : new ActionRepository.Transition(Optional.empty(), Optional.empty(),
                            Optional.of(((ActionDispatcher.Outcome.Failed) outcome).reason()), Optional.empty());
                    return actions.transition(connection, tenant, UUID.fromString(action.id()), List.of(ActionStatus.EXECUTING),
                                    done ? ActionStatus.EXECUTED : ActionStatus.FAILED, transition)
                            .flatMap(finished -> auditor.outcome(connection, tenant, finished, by).thenReturn(finished));
                }))
                .flatMap(events::statusChanged);
    }

    private Mono<StoredAction> existing(Connection connection, TenantId tenant, UUID id) {
        return actions.byId(connection, tenant, id).switchIfEmpty(Mono.error(ApiException.notFound("No action with id " + id)));
    }

    private static ApiException notIn(StoredAction action, String expected) {
        return ApiException.conflict("Action " + action.id() + " is " + action.status() + ", not " + expected);
    }

    private static String reason(String reason) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON_LENGTH) {
            throw ApiException.badInput("reason", "A reason of 1 to " + MAX_REASON_LENGTH + " characters is required");
        }
        return trimmed;
    }

    private record Proposed(StoredAction action, Optional<Judgement> judgement) {
    }

    private record Step(StoredAction action, boolean proceed) {
    }
}
