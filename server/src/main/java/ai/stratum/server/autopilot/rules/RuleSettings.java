package ai.stratum.server.autopilot.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One tenant's settings for one autopilot rule. Validated on construction, so a settings value
 * that exists can be used as is; a bad value raises {@link InvalidRuleSettingsException} naming
 * the component at fault.
 *
 * @param type                the rule these settings are for
 * @param enabled             whether the engine runs the rule at all
 * @param targetRoas          the return on ad spend (revenue / spend) the tenant aims for, for
 *                            example {@code 3.0}; positive when present
 * @param targetCpa           the cost per conversion the tenant aims for, in major units of the
 *                            campaign's currency (for example {@code 25.0} for USD 25); positive
 *                            when present
 * @param maxChangePerStepPct the largest budget change one proposal may make, in percent of the
 *                            current budget, in (0, 100]
 * @param maxChangePerDayPct  the largest total budget movement per campaign per day (the sum of
 *                            the sizes of that day's changes, each in percent of the budget it
 *                            changed), in (0, 100] and not below the step limit
 * @param minSpendMicros      the spend, in micros of the campaign's currency, a campaign must have
 *                            over the lookback window before the rule judges it; not negative
 * @param lookbackDays        how many complete days before today the rule looks at, 1 to 90
 * @param cooldown            how long after the last action on a campaign the rule stays quiet for
 *                            it; not negative
 * @param minBudgetMicros     the lowest budget the rule may set, in micros; positive when present
 * @param maxBudgetMicros     the highest budget the rule may set, in micros; positive and not below
 *                            the minimum when present
 */
public record RuleSettings(
        RuleType type,
        boolean enabled,
        OptionalDouble targetRoas,
        OptionalDouble targetCpa,
        double maxChangePerStepPct,
        double maxChangePerDayPct,
        long minSpendMicros,
        int lookbackDays,
        Duration cooldown,
        OptionalLong minBudgetMicros,
        OptionalLong maxBudgetMicros) {

    /** The shortest lookback window a rule accepts. */
    public static final int MIN_LOOKBACK_DAYS = 1;
    /** The longest lookback window a rule accepts; platforms keep daily rows about this long. */
    public static final int MAX_LOOKBACK_DAYS = 90;

    /**
     * Creates settings, validating every component.
     *
     * @throws InvalidRuleSettingsException naming the first component that is out of range
     */
    public RuleSettings {
        require(type != null, "type", "is required");
        require(targetRoas != null, "targetRoas", "must be given, empty when there is no target");
        require(targetCpa != null, "targetCpa", "must be given, empty when there is no target");
        require(cooldown != null, "cooldown", "is required");
        require(minBudgetMicros != null, "minBudgetMicros", "must be given, empty when there is no minimum");
        require(maxBudgetMicros != null, "maxBudgetMicros", "must be given, empty when there is no maximum");
        requirePositiveIfPresent(targetRoas, "targetRoas");
        requirePositiveIfPresent(targetCpa, "targetCpa");
        requirePercent(maxChangePerStepPct, "maxChangePerStepPct");
        requirePercent(maxChangePerDayPct, "maxChangePerDayPct");
        require(maxChangePerStepPct <= maxChangePerDayPct, "maxChangePerStepPct",
                "must not exceed the daily limit maxChangePerDayPct (" + maxChangePerDayPct + ")");
        require(minSpendMicros >= 0, "minSpendMicros", "must not be negative");
        require(lookbackDays >= MIN_LOOKBACK_DAYS && lookbackDays <= MAX_LOOKBACK_DAYS, "lookbackDays",
                "must be between " + MIN_LOOKBACK_DAYS + " and " + MAX_LOOKBACK_DAYS + " days");
        require(!cooldown.isNegative(), "cooldown", "must not be negative");
        require(minBudgetMicros.isEmpty() || minBudgetMicros.getAsLong() > 0, "minBudgetMicros", "must be positive");
        require(maxBudgetMicros.isEmpty() || maxBudgetMicros.getAsLong() > 0, "maxBudgetMicros", "must be positive");
        require(minBudgetMicros.isEmpty() || maxBudgetMicros.isEmpty()
                        || minBudgetMicros.getAsLong() <= maxBudgetMicros.getAsLong(),
                "minBudgetMicros", "must not exceed maxBudgetMicros");
        // Performance scaling judges against a target and nothing else; enabled without one it
        // would silently never act, which a tenant admin would read as a broken autopilot.
        require(!(enabled && type == RuleType.PERFORMANCE_SCALING && targetRoas.isEmpty() && targetCpa.isEmpty()),
                "targetRoas", "performance scaling needs a target ROAS or a target CPA before it can be enabled");
    }

    /**
     * The settings a tenant starts with. Every rule starts disabled, because automation that
     * moves money is something a tenant admin opts into; the limits are the ones the rule then
     * runs with unless changed:
     *
     * <table>
     *   <caption>Defaults</caption>
     *   <tr><th>rule</th><th>step</th><th>day</th><th>min spend</th><th>lookback</th><th>cooldown</th></tr>
     *   <tr><td>budget_pacing</td><td>15 %</td><td>30 %</td><td>0</td><td>7 days</td><td>4 h</td></tr>
     *   <tr><td>performance_scaling</td><td>20 %</td><td>50 %</td><td>100 units</td><td>7 days</td><td>24 h</td></tr>
     *   <tr><td>status_management</td><td>20 %</td><td>50 %</td><td>100 units</td><td>7 days</td><td>24 h</td></tr>
     * </table>
     *
     * <p>No targets and no budget caps are set. Pacing takes smaller steps with a shorter cooldown
     * because it corrects within a day; the performance rules wait a day between actions so that
     * each change has shown its effect before the next. The minimum spend of 100 major units
     * (USD 100, EUR 100) is in the campaign's currency: a tenant billed in a currency of much
     * smaller unit should raise it.
     *
     * @param type the rule
     * @return its default settings
     */
    public static RuleSettings defaults(RuleType type) {
        Objects.requireNonNull(type, "type");
        return switch (type) {
            case BUDGET_PACING -> new RuleSettings(type, false, OptionalDouble.empty(), OptionalDouble.empty(),
                    15, 30, 0, 7, Duration.ofHours(4), OptionalLong.empty(), OptionalLong.empty());
            case PERFORMANCE_SCALING, STATUS_MANAGEMENT -> new RuleSettings(type, false, OptionalDouble.empty(),
                    OptionalDouble.empty(), 20, 50, 100_000_000L, 7, Duration.ofHours(24),
                    OptionalLong.empty(), OptionalLong.empty());
        };
    }

    /**
     * A builder starting from {@link #defaults(RuleType)}, for callers that change a few settings.
     *
     * @param type the rule
     * @return a builder holding the rule's defaults
     */
    public static Builder builder(RuleType type) {
        return defaults(type).toBuilder();
    }

    /**
     * A builder starting from these settings, for partial updates such as "enable this rule".
     *
     * @return a builder holding these settings
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidRuleSettingsException(field, message);
        }
    }

    private static void requirePositiveIfPresent(OptionalDouble value, String field) {
        if (value.isPresent()) {
            double target = value.getAsDouble();
            require(Double.isFinite(target) && target > 0, field, "must be a positive number, was " + target);
        }
    }

    private static void requirePercent(double value, String field) {
        require(Double.isFinite(value) && value > 0 && value <= 100, field,
                "must be a percentage above 0 and at most 100, was " + value);
    }

    /** Collects changes to settings; {@link #build()} validates them all at once. */
    public static final class Builder {
        private final RuleType type;
        private boolean enabled;
        private OptionalDouble targetRoas;
        private OptionalDouble targetCpa;
        private double maxChangePerStepPct;
        private double maxChangePerDayPct;
        private long minSpendMicros;
        private int lookbackDays;
        private Duration cooldown;
        private OptionalLong minBudgetMicros;
        private OptionalLong maxBudgetMicros;

        private Builder(RuleSettings from) {
            type = from.type;
            enabled = from.enabled;
            targetRoas = from.targetRoas;
            targetCpa = from.targetCpa;
            maxChangePerStepPct = from.maxChangePerStepPct;
            maxChangePerDayPct = from.maxChangePerDayPct;
            minSpendMicros = from.minSpendMicros;
            lookbackDays = from.lookbackDays;
            cooldown = from.cooldown;
            minBudgetMicros = from.minBudgetMicros;
            maxBudgetMicros = from.maxBudgetMicros;
        }

        /** Sets {@link RuleSettings#enabled()}. */
        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        /** Sets {@link RuleSettings#targetRoas()}; empty removes the target. */
        public Builder targetRoas(OptionalDouble value) {
            targetRoas = value;
            return this;
        }

        /** Sets {@link RuleSettings#targetCpa()}; empty removes the target. */
        public Builder targetCpa(OptionalDouble value) {
            targetCpa = value;
            return this;
        }

        /** Sets {@link RuleSettings#maxChangePerStepPct()}. */
        public Builder maxChangePerStepPct(double value) {
            maxChangePerStepPct = value;
            return this;
        }

        /** Sets {@link RuleSettings#maxChangePerDayPct()}. */
        public Builder maxChangePerDayPct(double value) {
            maxChangePerDayPct = value;
            return this;
        }

        /** Sets {@link RuleSettings#minSpendMicros()}. */
        public Builder minSpendMicros(long value) {
            minSpendMicros = value;
            return this;
        }

        /** Sets {@link RuleSettings#lookbackDays()}. */
        public Builder lookbackDays(int value) {
            lookbackDays = value;
            return this;
        }

        /** Sets {@link RuleSettings#cooldown()}. */
        public Builder cooldown(Duration value) {
            cooldown = value;
            return this;
        }

        /** Sets {@link RuleSettings#minBudgetMicros()}; empty removes the floor. */
        public Builder minBudgetMicros(OptionalLong value) {
            minBudgetMicros = value;
            return this;
        }

        /** Sets {@link RuleSettings#maxBudgetMicros()}; empty removes the ceiling. */
        public Builder maxBudgetMicros(OptionalLong value) {
            maxBudgetMicros = value;
            return this;
        }

        /**
         * Validates and creates the settings.
         *
         * @return the settings
         * @throws InvalidRuleSettingsException naming the first component that is out of range
         */
        public RuleSettings build() {
            return new RuleSettings(type, enabled, targetRoas, targetCpa, maxChangePerStepPct, maxChangePerDayPct,
                    minSpendMicros, lookbackDays, cooldown, minBudgetMicros, maxBudgetMicros);
        }
    }
}
