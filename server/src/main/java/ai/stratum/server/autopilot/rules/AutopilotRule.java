package ai.stratum.server.autopilot.rules;

import java.time.Instant;
import java.util.List;

/**
 * One autopilot rule: a pure function from a campaign's state to the actions it would take.
 * Rules do no I/O and keep no state, so the same input always gives the same proposals.
 *
 * <p>A rule judges only what it is about; what all rules share is done elsewhere: the
 * {@link RuleEngine} skips disabled rules and campaigns inside their cooldown and settles
 * conflicts between rules, and {@link BudgetStep} applies every budget limit.
 */
public interface AutopilotRule {

    /** The rule this is, which selects its settings. */
    RuleType type();

    /**
     * Proposes actions for one campaign.
     *
     * @param campaign the campaign's state
     * @param settings the tenant's settings for this rule
     * @param now      the time of the run
     * @return the proposals, each with a reason; empty when the rule sees nothing to do
     */
    List<Proposal> evaluate(CampaignState campaign, RuleSettings settings, Instant now);
}
