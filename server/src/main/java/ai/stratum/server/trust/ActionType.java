package ai.stratum.server.trust;

import java.util.Locale;
import java.util.Optional;

/**
 * The actions the trust gate judges, seed 002's {@code action_type} identifiers in upper case
 * ({@code increase_budget} is {@link #INCREASE_BUDGET}).
 */
public enum ActionType {
    /** Raise a budget. High-risk by default. */
    INCREASE_BUDGET(ai.stratum.plugin.api.ActionType.INCREASE_BUDGET, false),
    /** Launch new campaigns. High-risk by default; no platform plugin executes it yet. */
    LAUNCH_NEW_CAMPAIGNS(null, false),
    /** Widen an audience. High-risk by default; no platform plugin executes it yet. */
    EXPAND_TARGETING(null, false),
    /** Raise a bid. High-risk by default. */
    INCREASE_BID(ai.stratum.plugin.api.ActionType.INCREASE_BID, false),
    /** Set a budget to a new amount, in either direction. Standard by default. */
    UPDATE_BUDGET(ai.stratum.plugin.api.ActionType.UPDATE_BUDGET, false),
    /** Set a bid to a new amount, in either direction. Standard by default. */
    UPDATE_BID(ai.stratum.plugin.api.ActionType.UPDATE_BID, false),
    /**
     * Set a delivery status. Standard by default. Not a cut: it can as well resume a paused entity,
     * which raises spend.
     */
    UPDATE_STATUS(ai.stratum.plugin.api.ActionType.UPDATE_STATUS, false),
    /** Pause the entities judged to underperform. Conservative by default; a cut. */
    PAUSE_UNDERPERFORMING(ai.stratum.plugin.api.ActionType.PAUSE_UNDERPERFORMING, true),
    /** Lower a budget. Conservative by default; a cut. */
    REDUCE_BUDGET(ai.stratum.plugin.api.ActionType.REDUCE_BUDGET, true),
    /** Lower a bid. Conservative by default; a cut. */
    REDUCE_BID(ai.stratum.plugin.api.ActionType.REDUCE_BID, true),
    /** Pause every active campaign of an account. Always allowed by default; a cut. */
    PAUSE_ALL(ai.stratum.plugin.api.ActionType.PAUSE_ALL, true),
    /**
     * Freeze the tenant's autopilot and pause everything. Always allowed; a cut. On each platform
     * it is carried out as a {@link ai.stratum.plugin.api.ActionType#PAUSE_ALL}.
     */
    EMERGENCY_STOP(ai.stratum.plugin.api.ActionType.PAUSE_ALL, true);

    private final ai.stratum.plugin.api.ActionType executable;
    private final boolean cut;

    ActionType(ai.stratum.plugin.api.ActionType executable, boolean cut) {
        this.executable = executable;
        this.cut = cut;
    }

    /**
     * @return the platform action that carries this one out through a plugin's {@code ActionExecutor};
     *         empty for {@link #LAUNCH_NEW_CAMPAIGNS} and {@link #EXPAND_TARGETING}, which the plugin API
     *         has no action for
     */
    public Optional<ai.stratum.plugin.api.ActionType> executable() {
        return Optional.ofNullable(executable);
    }

    /**
     * @return whether the action only pauses or reduces (seed 002's "pause/reduce actions", what
     *         {@link AutopilotMode#CUTS_ONLY} may propose)
     */
    public boolean isCut() {
        return cut;
    }

    /** @return seed 002's identifier, for example {@code increase_budget} */
    public String seedId() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param seedId a seed identifier such as {@code reduce_bid}
     * @return the action, or empty when no action has that identifier
     */
    public static Optional<ActionType> fromSeedId(String seedId) {
        for (ActionType type : values()) {
            if (type.seedId().equals(seedId)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
