package ai.stratum.server.autopilot;

import ai.stratum.server.autopilot.rules.RuleSettings;
import ai.stratum.server.autopilot.rules.RuleType;
import ai.stratum.server.graphql.Fetchers;
import ai.stratum.server.graphql.RequestContext;
import ai.stratum.server.graphql.SchemaContribution;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** GraphQL fields of the autopilot's rules and on-demand runs. */
@Singleton
class AutopilotSchema implements SchemaContribution {

    private final AutopilotRuleService rules;
    private final AutopilotRunner runner;

    AutopilotSchema(AutopilotRuleService rules, AutopilotRunner runner) {
        this.rules = rules;
        this.runner = runner;
    }

    @Override
    public void contribute(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("autopilotRules", Fetchers.mono(env -> rules.all(RequestContext.caller(env)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("updateAutopilotRule", Fetchers.mono(this::update))
                .dataFetcher("runAutopilot", Fetchers.mono(env -> {
                    Caller caller = RequestContext.caller(env).require(Role.MEDIA_BUYER);
                    return runner.run(caller.tenant(), Boolean.TRUE.equals(env.getArgument("dryRun")), Optional.of(caller.userId()));
                })));
        wiring.type("AutopilotRule", type -> type
                .dataFetcher("cooldownMinutes", env -> (int) env.<RuleSettings>getSource().cooldown().toMinutes()));
    }

    private Mono<RuleSettings> update(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        RuleType type = RuleType.valueOf((String) input.get("type"));
        return rules.update(RequestContext.caller(env), RequestContext.of(env).requestId(), type, builder -> {
            if (input.get("enabled") != null) {
                builder.enabled((Boolean) input.get("enabled"));
            }
            if (input.containsKey("targetRoas")) {
                builder.targetRoas(optionalDouble(input.get("targetRoas")));
            }
            if (input.containsKey("targetCpa")) {
                builder.targetCpa(optionalDouble(input.get("targetCpa")));
            }
            if (input.get("maxChangePerStepPct") != null) {
                builder.maxChangePerStepPct(((Number) input.get("maxChangePerStepPct")).doubleValue());
            }
            if (input.get("maxChangePerDayPct") != null) {
                builder.maxChangePerDayPct(((Number) input.get("maxChangePerDayPct")).doubleValue());
            }
            if (input.get("minSpendMicros") != null) {
                builder.minSpendMicros(((Number) input.get("minSpendMicros")).longValue());
            }
            if (input.get("lookbackDays") != null) {
                builder.lookbackDays(((Number) input.get("lookbackDays")).intValue());
            }
            if (input.get("cooldownMinutes") != null) {
                builder.cooldown(Duration.ofMinutes(((Number) input.get("cooldownMinutes")).longValue()));
            }
            if (input.containsKey("minBudgetMicros")) {
                builder.minBudgetMicros(optionalLong(input.get("minBudgetMicros")));
            }
            if (input.containsKey("maxBudgetMicros")) {
                builder.maxBudgetMicros(optionalLong(input.get("maxBudgetMicros")));
            }
            return builder;
        });
    }

    private static OptionalDouble optionalDouble(Object value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) value).doubleValue());
    }

    private static OptionalLong optionalLong(Object value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(((Number) value).longValue());
    }
}
