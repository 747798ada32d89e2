package ai.stratum.server.autopilot;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.PageRequest;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.trust.ActionSpec;
import ai.stratum.server.trust.ActionType;
import ai.stratum.server.trust.GateService;
import ai.stratum.server.trust.TrustGateConfig;
import ai.stratum.server.trust.config.FeatureFlag;
import ai.stratum.server.trust.config.FeatureFlagService;
import ai.stratum.server.trust.config.TrustGateConfigService;
import ai.stratum.server.trust.config.TrustSettingsService;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** GraphQL fields of the trust gate, actions, approvals, the audit log, the autopilot mode and the trust settings. */
@Singleton
class TrustSchema implements SchemaContribution {

    private final GateService gate;
    private final ActionService actions;
    private final AutopilotService autopilot;
    private final TrustAuditQuery audit;
    private final TrustGateConfigService configs;
    private final FeatureFlagService flags;
    private final TrustSettingsService settings;
    private final ActionEvents events;

    TrustSchema(GateService gate, ActionService actions, AutopilotService autopilot, TrustAuditQuery audit,
                TrustGateConfigService configs, FeatureFlagService flags, TrustSettingsService settings, ActionEvents events) {
        this.gate = gate;
        this.actions = actions;
        this.autopilot = autopilot;
        this.audit = audit;
        this.configs = configs;
        this.flags = flags;
        this.settings = settings;
        this.events = events;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("trustGateConfig", Fetchers.mono(env -> configs.config(RequestContext.caller(env).tenant())))
                .dataFetcher("evaluateTrustGate", Fetchers.mono(env -> gate.evaluate(RequestContext.caller(env),
                        ActionSpec.from("action", env.getArgument("action")))))
                .dataFetcher("autopilotMode", Fetchers.mono(env -> autopilot.mode(RequestContext.caller(env),
                        Optional.ofNullable(env.getArgument("accountId")))))
                .dataFetcher("pendingActions", Fetchers.mono(env -> actions.pending(RequestContext.caller(env), PageRequest.of(env))))
                .dataFetcher("automationAction", Fetchers.mono(env -> actions.get(RequestContext.caller(env), id(env))))
                .dataFetcher("trustGateAuditLog", Fetchers.mono(env -> audit.page(RequestContext.caller(env), filter(env),
                        PageRequest.of(env))))
                .dataFetcher("featureFlags", Fetchers.mono(env -> flags.flags(RequestContext.caller(env).tenant())
                        .map(enabled -> Arrays.stream(FeatureFlag.values()).map(flag -> new FlagView(flag, enabled.on(flag))).toList())))
                .dataFetcher("trustSettings", Fetchers.mono(env -> settings.overrides(RequestContext.caller(env).tenant())
                        .map(TrustSchema::settingViews))));
        wiring.type("Mutation", type -> type
                .dataFetcher("updateTrustGateConfig", Fetchers.mono(env -> configs.update(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), configChange(env.getArgument("input")))))
                .dataFetcher("submitAction", Fetchers.mono(env -> actions.submit(RequestContext.caller(env),
                        ActionSpec.from("action", env.getArgument("action")), Boolean.TRUE.equals(env.getArgument("dryRun")))))
                .dataFetcher("approveAction", Fetchers.mono(env -> actions.approve(RequestContext.caller(env), id(env))))
                .dataFetcher("rejectAction", Fetchers.mono(env -> actions.reject(RequestContext.caller(env), id(env),
                        env.getArgument("reason"))))
                .dataFetcher("overrideAction", Fetchers.mono(env -> actions.override(RequestContext.caller(env), id(env),
                        env.getArgument("reason"))))
                .dataFetcher("emergencyStop", Fetchers.mono(env -> autopilot.emergencyStop(RequestContext.caller(env),
                        env.getArgument("reason"))))
                .dataFetcher("resumeAutopilot", Fetchers.mono(env -> autopilot.resume(RequestContext.caller(env))))
                .dataFetcher("setFeatureFlag", Fetchers.mono(env -> {
                    FeatureFlag flag = FeatureFlag.valueOf(env.getArgument("name"));
                    return flags.set(RequestContext.caller(env), RequestContext.of(env).requestId(), flag, env.getArgument("enabled"))
                            .map(enabled -> new FlagView(flag, enabled));
                }))
                .dataFetcher("updateTrustSettings", Fetchers.mono(env -> settings.update(RequestContext.caller(env),
                        RequestContext.of(env).requestId(), settingChanges(env.getArgument("settings"))).map(TrustSchema::settingViews))));
        wiring.type("Subscription", type -> type
                .dataFetcher("gateDecisionMade", Fetchers.subscription(env -> events.decisions(RequestContext.caller(env).tenant())))
                .dataFetcher("actionStatusChanged", Fetchers.subscription(env ->
                        events.statusChanges(RequestContext.caller(env).tenant()))));
        wiring.type("TrustGateConfig", type -> type
                .dataFetcher("standardActions", env -> standardActions(env.getSource())));
    }

    private static UUID id(DataFetchingEnvironment env) {
        String id = env.getArgument("id");
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput("id", "'" + id + "' is not a valid id");
        }
    }

    private static TrustAuditLog.Filter filter(DataFetchingEnvironment env) {
        Map<String, Object> filter = env.getArgument("filter");
        if (filter == null) {
            return new TrustAuditLog.Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<Instant> from = Optional.ofNullable((Instant) filter.get("from"));
        Optional<Instant> to = Optional.ofNullable((Instant) filter.get("to"));
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiException.badInput("filter.to", "'to' is before 'from'");
        }
        return new TrustAuditLog.Filter(from, to,
                Optional.ofNullable((String) filter.get("decision")).map(AuditDecisionType::valueOf),
                Optional.ofNullable((String) filter.get("platform")).map(Platform::valueOf),
                Optional.ofNullable((String) filter.get("actionType")).map(ActionType::valueOf));
    }

    private static TrustGateConfigService.Change configChange(Map<String, Object> input) {
        return new TrustGateConfigService.Change(
                number(input.get("highRiskThreshold")), number(input.get("standardThreshold")),
                number(input.get("conservativeThreshold")), number(input.get("holdThreshold")),
                actionSet(input.get("highRiskActions")), actionSet(input.get("conservativeActions")),
                actionSet(input.get("alwaysAllowedActions")));
    }

    private static Optional<Double> number(Object value) {
        return Optional.ofNullable((Number) value).map(Number::doubleValue);
    }

    @SuppressWarnings("unchecked")
    private static Optional<Set<ActionType>> actionSet(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        EnumSet<ActionType> actions = EnumSet.noneOf(ActionType.class);
        ((List<String>) value).forEach(name -> actions.add(ActionType.valueOf(name)));
        return Optional.of(actions);
    }

    private static List<ActionType> standardActions(TrustGateConfig config) {
        return Arrays.stream(ActionType.values())
                .filter(action -> !config.highRiskActions().contains(action) && !config.conservativeActions().contains(action)
                        && !config.alwaysAllowedActions().contains(action))
                .toList();
    }

    private static List<Map.Entry<String, String>> settingChanges(List<Map<String, Object>> settings) {
        return settings.stream()
                .map(setting -> (Map.Entry<String, String>) new AbstractMap.SimpleEntry<>((String) setting.get("name"),
                        (String) setting.get("value")))
                .toList();
    }

    private static List<SettingView> settingViews(Map<String, String> overrides) {
        return overrides.entrySet().stream().map(entry -> new SettingView(entry.getKey(), entry.getValue())).toList();
    }

    /** {@code FeatureFlag}. */
    record FlagView(FeatureFlag name, boolean enabled) {
    }

    /** {@code TrustSetting}: a per-tenant override. */
    record SettingView(String name, String value) {
    }
}
