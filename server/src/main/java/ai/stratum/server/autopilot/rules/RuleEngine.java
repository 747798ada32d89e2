package ai.stratum.server.autopilot.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs the autopilot rules over one campaign and returns what the autopilot should propose for it.
 *
 * <p>For each rule, in the order given: a rule without settings, or whose settings are disabled,
 * does not run (settings are explicit: a tenant's rule runs only once it has been configured and
 * enabled); a rule does not run while the campaign is inside that rule's cooldown, that is when
 * less than {@link RuleSettings#cooldown()} has passed since {@link CampaignState#lastActionAt()}
 * (at exactly the cooldown the rule runs again). What the rules propose is then settled by
 * {@link ProposalArbiter}: at most one pause or one budget change per campaign per run.
 *
 * <p>The engine is pure: what to do with the proposals (autopilot mode, trust gate, execution,
 * the audit log) is the caller's.
 */
public final class RuleEngine {

    private final List<AutopilotRule> rules;

    /**
     * Creates an engine over the given rules.
     *
     * @param rules the rules, at most one per {@link RuleType}, run in this order
     * @throws IllegalArgumentException when two rules have the same type
     */
    public RuleEngine(List<AutopilotRule> rules) {
        this.rules = List.copyOf(rules);
        Set<RuleType> seen = EnumSet.noneOf(RuleType.class);
        for (AutopilotRule rule : this.rules) {
            if (!seen.add(rule.type())) {
                throw new IllegalArgumentException("two rules of type " + rule.type().id());
            }
        }
    }

    /** An engine with the three built-in rules, in {@link RuleType} order. */
    public static RuleEngine withBuiltInRules() {
        return new RuleEngine(List.of(new BudgetPacingRule(), new PerformanceScalingRule(), new StatusManagementRule()));
    }

    /**
     * Proposes actions for one campaign.
     *
     * @param campaign the campaign's state
     * @param settings the tenant's settings per rule; each value's type must match its key
     * @param now      the time of the run
     * @return at most one pause or one budget change, each with its reason; empty when no rule
     *         wants anything
     * @throws IllegalArgumentException when a settings value is filed under another rule's type
     */
    public List<Proposal> propose(CampaignState campaign, Map<RuleType, RuleSettings> settings, Instant now) {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(now, "now");
        settings.forEach((type, value) -> {
            if (value.type() != type) {
                throw new IllegalArgumentException("settings for " + value.type().id() + " filed under " + type.id());
            }
        });
        List<Proposal> wanted = new ArrayList<>();
        for (AutopilotRule rule : rules) {
            RuleSettings ruleSettings = settings.get(rule.type());
            if (ruleSettings != null && ruleSettings.enabled() && !inCooldown(campaign, ruleSettings, now)) {
                wanted.addAll(rule.evaluate(campaign, ruleSettings, now));
            }
        }
        return ProposalArbiter.resolve(wanted);
    }

    private static boolean inCooldown(CampaignState campaign, RuleSettings settings, Instant now) {
        return campaign.lastActionAt().map(last -> now.isBefore(last.plus(settings.cooldown()))).orElse(false);
    }
}
