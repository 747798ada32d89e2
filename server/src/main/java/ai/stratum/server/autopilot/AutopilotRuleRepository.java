package ai.stratum.server.autopilot;

import ai.stratum.server.autopilot.rules.RuleSettings;
import ai.stratum.server.autopilot.rules.RuleType;
import ai.stratum.server.database.Sql;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;

/** SQL for {@code autopilot_rules}: a tenant's settings per built-in rule; a rule never stored has its defaults (off). */
@Singleton
class AutopilotRuleRepository {

    Mono<Map<RuleType, RuleSettings>> all(Connection connection, TenantId tenant) {
        return Sql.of(connection, "SELECT * FROM autopilot_rules WHERE tenant_id = $1", tenant.value())
                .rows(AutopilotRuleRepository::map)
                .collectList()
                .map(stored -> {
                    Map<RuleType, RuleSettings> settings = new EnumMap<>(RuleType.class);
                    for (RuleType type : RuleType.values()) {
                        settings.put(type, RuleSettings.defaults(type));
                    }
                    stored.forEach(rule -> settings.put(rule.type(), rule));
                    return settings;
                });
    }

    Mono<Long> save(Connection connection, TenantId tenant, RuleSettings rule, UUID by) {
        return Sql.of(connection,
                        "INSERT INTO autopilot_rules (tenant_id, rule_type, enabled, target_roas, target_cpa, max_change_per_step_pct, "
                                + "max_change_per_day_pct, min_spend_micros, lookback_days, cooldown_seconds, min_budget_micros, "
                                + "max_budget_micros, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
                                + "ON CONFLICT (tenant_id, rule_type) DO UPDATE SET enabled = EXCLUDED.enabled, "
                                + "target_roas = EXCLUDED.target_roas, target_cpa = EXCLUDED.target_cpa, "
                                + "max_change_per_step_pct = EXCLUDED.max_change_per_step_pct, "
                                + "max_change_per_day_pct = EXCLUDED.max_change_per_day_pct, min_spend_micros = EXCLUDED.min_spend_micros, "
                                + "lookback_days = EXCLUDED.lookback_days, cooldown_seconds = EXCLUDED.cooldown_seconds, "
                                + "min_budget_micros = EXCLUDED.min_budget_micros, max_budget_micros = EXCLUDED.max_budget_micros, "
                                + "updated_by = EXCLUDED.updated_by, updated_at = now()",
                        tenant.value(), rule.type().name(), rule.enabled(), optional(rule.targetRoas()), optional(rule.targetCpa()),
                        rule.maxChangePerStepPct(), rule.maxChangePerDayPct(), rule.minSpendMicros(), rule.lookbackDays(),
                        rule.cooldown().toSeconds(), optional(rule.minBudgetMicros()), optional(rule.maxBudgetMicros()), by)
                .update();
    }

    private static RuleSettings map(Readable row) {
        Double roas = row.get("target_roas", Double.class);
        Double cpa = row.get("target_cpa", Double.class);
        Long minBudget = row.get("min_budget_micros", Long.class);
        Long maxBudget = row.get("max_budget_micros", Long.class);
        return new RuleSettings(RuleType.valueOf(row.get("rule_type", String.class)), row.get("enabled", Boolean.class),
                roas == null ? OptionalDouble.empty() : OptionalDouble.of(roas),
                cpa == null ? OptionalDouble.empty() : OptionalDouble.of(cpa),
                row.get("max_change_per_step_pct", Double.class), row.get("max_change_per_day_pct", Double.class),
                row.get("min_spend_micros", Long.class), row.get("lookback_days", Integer.class),
                Duration.ofSeconds(row.get("cooldown_seconds", Long.class)),
                minBudget == null ? OptionalLong.empty() : OptionalLong.of(minBudget),
                maxBudget == null ? OptionalLong.empty() : OptionalLong.of(maxBudget));
    }

    private static Object optional(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : Sql.Null.of(Double.class);
    }

    private static Object optional(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : Sql.Null.of(Long.class);
    }
}
