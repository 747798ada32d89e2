package ai.stratum.server.autopilot.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code budget_pacing}: keeps spend close to an even spread of the budget over its period (the
 * day for daily budgets, the flight for lifetime budgets; the model is in {@link SpendPace}).
 *
 * <ul>
 *   <li>Spend at least {@value #AHEAD_AT}× the even pace: {@code REDUCE_BUDGET} by the excess.
 *       Platforms let a day's spend overshoot a daily budget (Meta by up to a quarter, Google up to
 *       twice), and a campaign this far ahead is on its way to such an overshoot; a lower budget
 *       brings the period's total back toward what the tenant meant to spend.</li>
 *   <li>Spend at most {@value #BEHIND_AT}× the even pace: {@code INCREASE_BUDGET} by the shortfall,
 *       giving the platform room to catch up.</li>
 *   <li>In between, the tolerance band: nothing. Spend through a day is never perfectly even.</li>
 * </ul>
 * A campaign that has spent nothing in the period is left alone: it is not delivering (in review,
 * disapproved, out of audience), and more budget would not make it spend. The rule judges active
 * campaigns only; its size limits are those of {@link BudgetStep}.
 */
public final class BudgetPacingRule implements AutopilotRule {

    /** The pace ratio from which the budget is cut. */
    public static final String AHEAD_AT = "1.20";
    /** The pace ratio up to which the budget is raised. */
    public static final String BEHIND_AT = "0.80";

    private static final BigDecimal AHEAD = new BigDecimal(AHEAD_AT);
    private static final BigDecimal BEHIND = new BigDecimal(BEHIND_AT);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public RuleType type() {
        return RuleType.BUDGET_PACING;
    }

    @Override
    public List<Proposal> evaluate(CampaignState campaign, RuleSettings settings, Instant now) {
        if (!campaign.isActive() || campaign.budgetMicros() <= 0) {
            return List.of();
        }
        PerformanceWindow window = PerformanceWindow.lookback(campaign, settings.lookbackDays(), now);
        if (window.spendMicros() < settings.minSpendMicros()) {
            return List.of();
        }
        Optional<SpendPace> reading = SpendPace.of(campaign, now);
        if (reading.isEmpty() || reading.get().actualMicros() == 0) {
            return List.of();
        }
        SpendPace pace = reading.get();
        BigDecimal ratio = pace.ratio();
        Optional<BudgetMove> move = Optional.empty();
        if (ratio.compareTo(AHEAD) >= 0) {
            BigDecimal excess = ratio.subtract(BigDecimal.ONE).multiply(HUNDRED);
            move = BudgetStep.plan(campaign, settings, BudgetDirection.DOWN, excess);
        } else if (ratio.compareTo(BEHIND) <= 0) {
            BigDecimal shortfall = BigDecimal.ONE.subtract(ratio).multiply(HUNDRED);
            move = BudgetStep.plan(campaign, settings, BudgetDirection.UP, shortfall);
        }
        return move.map(m -> List.of(Proposal.budgetChange(campaign, type(), m, reason(campaign, pace, m))))
                .orElse(List.of());
    }

    private static String reason(CampaignState campaign, SpendPace pace, BudgetMove move) {
        String currency = campaign.currency();
        return "spent " + ReasonText.money(pace.actualMicros(), currency) + " of the "
                + ReasonText.money(campaign.budgetMicros(), currency) + " "
                + campaign.budgetPeriod().name().toLowerCase(Locale.ROOT) + " budget " + pace.progress()
                + ": " + ReasonText.percent(pace.ratio().doubleValue() * 100) + " of the "
                + ReasonText.money(pace.expectedMicros().longValueExact(), currency) + " an even pace spends by now; "
                + move.describe(currency);
    }
}
