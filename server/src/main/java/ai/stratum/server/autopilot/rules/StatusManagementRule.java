package ai.stratum.server.autopilot.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code status_management}: pauses an active campaign whose results over the lookback window are
 * poor enough that more spend is very likely wasted. Once the window has at least the minimum
 * spend, the campaign is paused ({@code PAUSE_UNDERPERFORMING}) when:
 * <ul>
 *   <li>a target is missed by far: ROAS at most half of target ROAS, or CPA at least twice target
 *       CPA (a {@link TargetReading} score at most {@value #PAUSE_AT}). With a CPA target and no
 *       conversions, that means the window spent at least twice the target CPA without one;</li>
 *   <li>or, with no CPA target to measure against, the window has neither a conversion nor any
 *       revenue.</li>
 * </ul>
 * The multiples are wide on purpose: a pause stops all delivery, and a campaign merely below target
 * is the performance-scaling rule's to trim, not this rule's to stop. The rule never resumes a
 * paused campaign, because a paused campaign has no recent results to justify it.
 */
public final class StatusManagementRule implements AutopilotRule {

    /** The highest score that pauses: half the target ROAS, or twice the target CPA. */
    public static final String PAUSE_AT = "0.5";

    private static final BigDecimal PAUSE_SCORE = new BigDecimal(PAUSE_AT);

    @Override
    public RuleType type() {
        return RuleType.STATUS_MANAGEMENT;
    }

    @Override
    public List<Proposal> evaluate(CampaignState campaign, RuleSettings settings, Instant now) {
        if (!campaign.isActive()) {
            return List.of();
        }
        PerformanceWindow window = PerformanceWindow.lookback(campaign, settings.lookbackDays(), now);
        if (!window.canJudge(settings.minSpendMicros())) {
            return List.of();
        }
        Optional<TargetReading> farMissed = TargetReading.against(window, settings, campaign.currency()).stream()
                .filter(reading -> reading.score().compareTo(PAUSE_SCORE) <= 0)
                .min(Comparator.comparing(TargetReading::score));
        if (farMissed.isPresent()) {
            String limit = farMissed.get().metric() == TargetReading.Metric.ROAS
                    ? "half the target ROAS" : "twice the target CPA";
            String reason = farMissed.get().summary() + ", past the pause limit of " + limit + "; pause";
            return List.of(Proposal.pause(campaign, type(), reason));
        }
        if (settings.targetCpa().isEmpty() && window.hasNoResults()) {
            String reason = "no conversions and no revenue over " + window.describe() + " from "
                    + ReasonText.money(window.spendMicros(), campaign.currency()) + " spent (judged from "
                    + ReasonText.money(settings.minSpendMicros(), campaign.currency()) + "); pause";
            return List.of(Proposal.pause(campaign, type(), reason));
        }
        return List.of();
    }
}
