package ai.stratum.server.autopilot.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code performance_scaling}: moves a campaign's budget with its results against the tenant's
 * targets over the lookback window.
 *
 * <p>Each target gives a score (see {@link TargetReading}); with both a ROAS and a CPA target the
 * worse score decides, so a raise needs every target beaten and a cut needs only one missed:
 * <ul>
 *   <li>score at least {@value #RAISE_AT} (10 % or more better than target, no target read from a
 *       window without conversions): {@code INCREASE_BUDGET} by the margin, for example +40 % for a
 *       ROAS 40 % above target;</li>
 *   <li>score at most {@value #CUT_AT} (10 % or more worse): {@code REDUCE_BUDGET} by the shortfall;</li>
 *   <li>in between, the dead band: nothing. Day-to-day noise in ROAS is about this size, and a rule
 *       that reacts to noise moves budgets back and forth.</li>
 * </ul>
 * The size is then limited by {@link BudgetStep}. The rule judges active campaigns only, and only
 * once the window has at least the minimum spend.
 */
public final class PerformanceScalingRule implements AutopilotRule {

    /** The lowest score that raises the budget. */
    public static final String RAISE_AT = "1.10";
    /** The highest score that cuts the budget. */
    public static final String CUT_AT = "0.90";

    private static final BigDecimal RAISE_SCORE = new BigDecimal(RAISE_AT);
    private static final BigDecimal CUT_SCORE = new BigDecimal(CUT_AT);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public RuleType type() {
        return RuleType.PERFORMANCE_SCALING;
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
        List<TargetReading> readings = TargetReading.against(window, settings, campaign.currency());
        if (readings.isEmpty()) {
            return List.of();
        }
        BigDecimal worst = readings.stream().map(TargetReading::score).min(Comparator.naturalOrder()).orElseThrow();
        boolean anyUpperBound = readings.stream().anyMatch(TargetReading::scoreIsUpperBound);
        Optional<BudgetMove> move = Optional.empty();
        if (worst.compareTo(RAISE_SCORE) >= 0 && !anyUpperBound) {
            BigDecimal margin = worst.subtract(BigDecimal.ONE).multiply(HUNDRED);
            move = BudgetStep.plan(campaign, settings, BudgetDirection.UP, margin);
        } else if (worst.compareTo(CUT_SCORE) <= 0) {
            BigDecimal shortfall = BigDecimal.ONE.subtract(worst).multiply(HUNDRED);
            move = BudgetStep.plan(campaign, settings, BudgetDirection.DOWN, shortfall);
        }
        return move.map(m -> List.of(Proposal.budgetChange(campaign, type(), m, reason(readings, m, campaign))))
                .orElse(List.of());
    }

    private static String reason(List<TargetReading> readings, BudgetMove move, CampaignState campaign) {
        String results = readings.stream().map(TargetReading::summary).collect(Collectors.joining(" and "));
        return results + "; " + move.describe(campaign.currency());
    }
}
