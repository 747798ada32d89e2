package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.autopilot.rules.CampaignState;
import ai.stratum.server.autopilot.rules.Proposal;
import ai.stratum.server.autopilot.rules.RuleEngine;
import ai.stratum.server.autopilot.rules.RuleSettings;
import ai.stratum.server.autopilot.rules.RuleType;
import ai.stratum.server.database.Database;
import ai.stratum.server.signals.SignalHealthService;
import ai.stratum.server.tenancy.TenantId;
import ai.stratum.server.trust.ActionSpec;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.AutopilotMode;
import ai.stratum.server.trust.ModeAssessment;
import ai.stratum.server.trust.config.TrustContext;
import ai.stratum.server.trust.config.TrustContextLoader;
import io.r2dbc.spi.Connection;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs the tenant's enabled rules over its campaigns. Each account's mode (from its health, or
 * FROZEN after an emergency stop) decides which proposals may go forward; each one that does goes
 * through the gate exactly like a submitted action. Proposals carry an idempotency key per rule,
 * campaign, action and run window, so two instances running at once still act once.
 */
@Singleton
public class AutopilotRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AutopilotRunner.class);
    static final Duration WINDOW = Duration.ofMinutes(30);

    private final Database database;
    private final AutopilotRuleRepository rules;
    private final CampaignStateLoader campaigns;
    private final TrustContextLoader contexts;
    private final SignalHealthService health;
    private final ActionService actions;
    private final Clock clock;
    private final RuleEngine engine = RuleEngine.withBuiltInRules();

    public AutopilotRunner(Database database, AutopilotRuleRepository rules, CampaignStateLoader campaigns, TrustContextLoader contexts,
                           SignalHealthService health, ActionService actions, Clock clock) {
        this.database = database;
        this.rules = rules;
        this.campaigns = campaigns;
        this.contexts = contexts;
        this.health = health;
        this.actions = actions;
        this.clock = clock;
    }

    public Mono<AutopilotRun> run(TenantId tenant, boolean dryRun, Optional<UUID> by) {
        Instant started = clock.instant();
        return database.inTenantOne(tenant, connection -> contexts.load(connection, tenant)
                        .flatMap(context -> rules.all(connection, tenant).flatMap(settings -> {
                            int lookback = settings.values().stream().filter(RuleSettings::enabled)
                                    .mapToInt(RuleSettings::lookbackDays).max().orElse(0);
                            if (lookback == 0 || context.freeze().isPresent()) {
                                return Mono.just(new Plan(context, List.of(), 0, 0));
                            }
                            return campaigns.campaigns(connection, tenant, lookback, started).collectList()
                                    .flatMap(states -> modes(connection, tenant, context, states)
                                            .map(modes -> plan(context, settings, states, modes, started)));
                        })))
                .flatMap(plan -> Flux.fromIterable(plan.specs())
                        .concatMap(spec -> actions.propose(tenant, spec.action(), dryRun, by, spec.rule()))
                        .collectList()
                        .map(done -> new AutopilotRun(dryRun, started, clock.instant(), plan.campaigns(),
                                plan.specs().size() + plan.skipped(), plan.skipped(), plan.context().freeze().isPresent(), done)))
                .doOnNext(run -> LOG.info("event=autopilot_run tenant={} dryRun={} campaigns={} proposals={} skippedByMode={} actions={}",
                        tenant, dryRun, run.campaignsEvaluated(), run.proposals(), run.skippedByMode(), run.actions().size()));
    }

    /** Each account's mode, judged once per run on its current health. */
    private Mono<Map<String, AutopilotMode>> modes(Connection connection, TenantId tenant, TrustContext context,
                                                   List<CampaignState> states) {
        Map<String, Platform> accounts = new HashMap<>();
        states.forEach(state -> accounts.put(key(state.platform(), state.accountId()), state.platform()));
        return Flux.fromIterable(accounts.keySet())
                .concatMap(key -> health.healthForGate(connection, tenant, context, accounts.get(key), key.substring(key.indexOf(':') + 1))
                        .map(accountHealth -> Map.entry(key, ModeAssessment.of(accountHealth.overallScore()).mode())))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Plan plan(TrustContext context, Map<RuleType, RuleSettings> settings, List<CampaignState> states,
                      Map<String, AutopilotMode> modes, Instant now) {
        List<PlannedAction> specs = new ArrayList<>();
        int skipped = 0;
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        for (CampaignState state : states) {
            AutopilotMode mode = modes.get(key(state.platform(), state.accountId()));
            for (Proposal proposal : engine.propose(state, settings, now)) {
                ActionType type = ActionType.valueOf(proposal.actionType().name());
                if (!mode.mayPropose(type, context.gate())) {
                    skipped++;
                    continue;
                }
                String idempotencyKey = String.join(":", "autopilot", proposal.rule().name(), proposal.platform().name(),
                        proposal.entityId(), type.name(), Long.toString(window));
                specs.add(new PlannedAction(new ActionSpec(proposal.platform(), proposal.accountId(), proposal.entityType(),
                        proposal.entityId(), type, withReason(proposal), Optional.of(idempotencyKey)), proposal.rule().name()));
            }
        }
        return new Plan(context, specs, states.size(), skipped);
    }

    private static Map<String, Object> withReason(Proposal proposal) {
        Map<String, Object> parameters = new HashMap<>(proposal.parameters());
        parameters.put("reason", proposal.reason());
        return parameters;
    }

    private static String key(Platform platform, String accountId) {
        return platform.name() + ":" + accountId;
    }

    private record PlannedAction(ActionSpec action, String rule) {
    }

    private record Plan(TrustContext context, List<PlannedAction> specs, int campaigns, int skipped) {
    }
}
