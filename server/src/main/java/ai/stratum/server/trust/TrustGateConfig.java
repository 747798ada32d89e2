package ai.stratum.server.trust;

import ai.stratum.server.signals.health.TrustSettings;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The trust gate's thresholds and which actions are of which risk level (seed 002's
 * {@code TrustGateConfig}); an action on no list is {@link RiskLevel#STANDARD}. Validated on
 * construction, so an instance is always usable; configurable per tenant.
 *
 * @param highRiskThreshold     score a high-risk action needs to pass (80)
 * @param standardThreshold     score a standard action needs to pass (70, the seed's {@code pass_threshold})
 * @param conservativeThreshold score a conservative action needs to pass (60)
 * @param holdThreshold         below an action's threshold, the score at or above which it is held rather
 *                              than blocked (40)
 * @param highRiskActions       the high-risk actions
 * @param conservativeActions   the conservative actions
 * @param alwaysAllowedActions  the actions that pass at any health; always includes {@link ActionType#EMERGENCY_STOP}
 */
public record TrustGateConfig(double highRiskThreshold, double standardThreshold, double conservativeThreshold,
                              double holdThreshold, Set<ActionType> highRiskActions,
                              Set<ActionType> conservativeActions, Set<ActionType> alwaysAllowedActions) {

    private static final TrustGateConfig DEFAULTS = new TrustGateConfig(80, 70, 60, 40,
            EnumSet.of(ActionType.INCREASE_BUDGET, ActionType.LAUNCH_NEW_CAMPAIGNS, ActionType.EXPAND_TARGETING,
                    ActionType.INCREASE_BID),
            EnumSet.of(ActionType.PAUSE_UNDERPERFORMING, ActionType.REDUCE_BUDGET, ActionType.REDUCE_BID),
            EnumSet.of(ActionType.PAUSE_ALL, ActionType.EMERGENCY_STOP));

    /**
     * @throws InvalidTrustConfigException naming the field, when a threshold is outside 0-100 or not a number,
     *         the pass thresholds are out of order (conservative &le; standard &le; high-risk), the hold threshold
     *         is above a pass threshold, an action is on two lists, or {@link ActionType#EMERGENCY_STOP} is not
     *         always allowed (the way to stop spending must never wait for healthy data)
     */
    public TrustGateConfig {
        requirePercentage("highRiskThreshold", highRiskThreshold);
        requirePercentage("standardThreshold", standardThreshold);
        requirePercentage("conservativeThreshold", conservativeThreshold);
        requirePercentage("holdThreshold", holdThreshold);
        if (conservativeThreshold > standardThreshold) {
            throw outOfOrder("conservativeThreshold", conservativeThreshold, "standardThreshold", standardThreshold);
        }
        if (standardThreshold > highRiskThreshold) {
            throw new InvalidTrustConfigException("highRiskThreshold", String.format(Locale.ROOT,
                    "highRiskThreshold %s must not be below standardThreshold %s", highRiskThreshold,
                    standardThreshold));
        }
        if (holdThreshold > conservativeThreshold) {
            throw outOfOrder("holdThreshold", holdThreshold, "conservativeThreshold", conservativeThreshold);
        }
        highRiskActions = immutableCopy("highRiskActions", highRiskActions);
        conservativeActions = immutableCopy("conservativeActions", conservativeActions);
        alwaysAllowedActions = immutableCopy("alwaysAllowedActions", alwaysAllowedActions);
        requireDisjoint("highRiskActions", highRiskActions, "conservativeActions", conservativeActions);
        requireDisjoint("highRiskActions", highRiskActions, "alwaysAllowedActions", alwaysAllowedActions);
        requireDisjoint("conservativeActions", conservativeActions, "alwaysAllowedActions", alwaysAllowedActions);
        if (!alwaysAllowedActions.contains(ActionType.EMERGENCY_STOP)) {
            throw new InvalidTrustConfigException("alwaysAllowedActions",
                    "alwaysAllowedActions must include EMERGENCY_STOP");
        }
    }

    /** @return seed 002's configuration: thresholds 80/70/60, hold 40, and its three action lists */
    public static TrustGateConfig defaults() {
        return DEFAULTS;
    }

    /**
     * The seed's action lists with the thresholds of the given settings: high-risk from
     * {@code TRUST_HIGH_RISK_THRESHOLD}, standard from {@code TRUST_HEALTHY_THRESHOLD} (seed 002 lets
     * healthy data run the full autopilot), conservative from {@code TRUST_CONSERVATIVE_THRESHOLD} and
     * hold from {@code TRUST_HOLD_THRESHOLD}.
     *
     * @param settings the trust settings
     * @return the configuration
     */
    public static TrustGateConfig from(TrustSettings settings) {
        return new TrustGateConfig(settings.highRiskThreshold(), settings.healthyThreshold(),
                settings.conservativeThreshold(), settings.holdThreshold(), DEFAULTS.highRiskActions,
                DEFAULTS.conservativeActions, DEFAULTS.alwaysAllowedActions);
    }

    /**
     * @param action an action
     * @return its risk level: the list it is on, or STANDARD when on none
     */
    public RiskLevel riskOf(ActionType action) {
        Objects.requireNonNull(action, "action");
        if (alwaysAllowedActions.contains(action)) {
            return RiskLevel.ALWAYS_ALLOWED;
        }
        if (highRiskActions.contains(action)) {
            return RiskLevel.HIGH_RISK;
        }
        return conservativeActions.contains(action) ? RiskLevel.CONSERVATIVE : RiskLevel.STANDARD;
    }

    /**
     * @param level a risk level
     * @return the score an action of that level needs to pass; 0 for ALWAYS_ALLOWED, which passes at any score
     */
    public double thresholdOf(RiskLevel level) {
        return switch (level) {
            case HIGH_RISK -> highRiskThreshold;
            case STANDARD -> standardThreshold;
            case CONSERVATIVE -> conservativeThreshold;
            case ALWAYS_ALLOWED -> 0.0;
        };
    }

    private static void requirePercentage(String field, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new InvalidTrustConfigException(field, field + " must be between 0 and 100, was " + value);
        }
    }

    private static InvalidTrustConfigException outOfOrder(String lowerField, double lower, String upperField,
                                                          double upper) {
        return new InvalidTrustConfigException(lowerField, String.format(Locale.ROOT,
                "%s %s must not be above %s %s", lowerField, lower, upperField, upper));
    }

    /** In declaration order, so the lists read the same every time they are shown. */
    private static Set<ActionType> immutableCopy(String field, Set<ActionType> actions) {
        if (actions == null) {
            throw new InvalidTrustConfigException(field, field + " must be given");
        }
        EnumSet<ActionType> copy = EnumSet.noneOf(ActionType.class);
        for (ActionType action : actions) {
            if (action == null) {
                throw new InvalidTrustConfigException(field, field + " must not contain null");
            }
            copy.add(action);
        }
        return Collections.unmodifiableSet(copy);
    }

    /** Names the second list, the one the action was added to last in the order the lists are read. */
    private static void requireDisjoint(String firstField, Set<ActionType> first, String secondField,
                                        Set<ActionType> second) {
        for (ActionType action : second) {
            if (first.contains(action)) {
                throw new InvalidTrustConfigException(secondField,
                        action + " is in both " + firstField + " and " + secondField);
            }
        }
    }
}
