package ai.stratum.server.autopilot.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * Turns the budget change a rule would like into the change it may make. Every limit is applied
 * here, once, for every rule:
 *
 * <ol>
 *   <li>the step limit ({@link RuleSettings#maxChangePerStepPct()});</li>
 *   <li>what is left today of the daily limit ({@link RuleSettings#maxChangePerDayPct()} less
 *       {@link CampaignState#budgetChangeTodayPct()});</li>
 *   <li>rounding to the currency's billing unit, always toward the current budget, so rounding can
 *       only make a change smaller, never push it past a limit;</li>
 *   <li>the budget caps ({@link RuleSettings#minBudgetMicros()}, {@link RuleSettings#maxBudgetMicros()})
 *       and the smallest positive budget, so no budget ever reaches zero.</li>
 * </ol>
 *
 * If nothing is left of the change after that, there is no move: a rule never proposes a change
 * of zero or one in the wrong direction.
 */
final class BudgetStep {

    /** Budgets are set in whole cents, or whole minor units where those are coarser (JPY). */
    static final long CENT_MICROS = 10_000L;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BudgetStep() {
    }

    /**
     * Plans a budget move.
     *
     * @param campaign  the campaign whose budget moves
     * @param settings  the settings of the rule that wants the move
     * @param direction up or down
     * @param wantedPct the size of change the rule would like, in percent of the current budget;
     *                  exact, so that a rule asking for 10 % gets 10 % and not 9.999…
     * @return the move within every limit, or empty when none is left
     */
    static Optional<BudgetMove> plan(CampaignState campaign, RuleSettings settings, BudgetDirection direction,
            BigDecimal wantedPct) {
        long current = campaign.budgetMicros();
        Limited size = limitSize(wantedPct, settings, campaign.budgetChangeTodayPct());
        if (size.value().signum() <= 0 || current <= 0) {
            return Optional.empty();
        }
        long delta = BigDecimal.valueOf(current).multiply(size.value())
                .divide(HUNDRED, 0, RoundingMode.FLOOR).longValueExact();
        long unit = billingUnitMicros(campaign.currency());
        Limited target = direction == BudgetDirection.UP
                ? capRaise(Math.addExact(current, delta), settings, campaign.currency(), unit)
                : floorCut(current - delta, settings, campaign.currency(), unit);
        long next = target.value().longValueExact();
        boolean moves = direction == BudgetDirection.UP ? next > current : next < current;
        if (!moves) {
            return Optional.empty();
        }
        String limitedBy = target.why().isEmpty() ? size.why() : target.why();
        return Optional.of(new BudgetMove(direction, current, next, (next - current) * 100.0 / current, limitedBy));
    }

    /** The change in percent after the step limit and what is left of the daily limit. */
    private static Limited limitSize(BigDecimal wantedPct, RuleSettings settings, double movedTodayPct) {
        BigDecimal step = BigDecimal.valueOf(settings.maxChangePerStepPct());
        BigDecimal dayLeft = BigDecimal.valueOf(settings.maxChangePerDayPct())
                .subtract(BigDecimal.valueOf(movedTodayPct)).max(BigDecimal.ZERO);
        if (dayLeft.compareTo(wantedPct.min(step)) < 0) {
            return new Limited(dayLeft, ReasonText.percent(dayLeft.doubleValue()) + " left of the "
                    + ReasonText.percent(settings.maxChangePerDayPct()) + " daily limit");
        }
        if (step.compareTo(wantedPct) < 0) {
            return new Limited(step, "step limit " + ReasonText.percent(settings.maxChangePerStepPct()));
        }
        return new Limited(wantedPct, "");
    }

    /** A raised budget rounded down to the billing unit and kept at or below the maximum. */
    private static Limited capRaise(long raised, RuleSettings settings, String currency, long unit) {
        long next = roundDown(raised, unit);
        if (settings.maxBudgetMicros().isPresent()) {
            long max = settings.maxBudgetMicros().getAsLong();
            if (next > roundDown(max, unit)) {
                return new Limited(BigDecimal.valueOf(roundDown(max, unit)),
                        "maximum budget " + ReasonText.money(max, currency));
            }
        }
        return new Limited(BigDecimal.valueOf(next), "");
    }

    /** A cut budget rounded up to the billing unit and kept at or above the minimum and one unit. */
    private static Limited floorCut(long cut, RuleSettings settings, String currency, long unit) {
        long next = roundUp(cut, unit);
        long min = settings.minBudgetMicros().orElse(0);
        long floor = Math.max(unit, roundUp(min, unit));
        if (next >= floor) {
            return new Limited(BigDecimal.valueOf(next), "");
        }
        String why = floor > unit
                ? "minimum budget " + ReasonText.money(min, currency)
                : "smallest budget " + ReasonText.money(unit, currency);
        return new Limited(BigDecimal.valueOf(floor), why);
    }

    /**
     * The unit budgets are rounded to: a whole cent, or a whole minor unit of the currency where
     * that is coarser (one yen is 1,000,000 micros; a platform refuses a budget in fractions of it).
     *
     * @param currency the ISO 4217 code
     * @return the unit, in micros
     */
    static long billingUnitMicros(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (digits < 0 || digits >= 2) {
            return CENT_MICROS;
        }
        return 1_000_000L / (digits == 1 ? 10 : 1);
    }

    private static long roundDown(long micros, long unit) {
        return Math.floorDiv(micros, unit) * unit;
    }

    private static long roundUp(long micros, long unit) {
        return -Math.floorDiv(-micros, unit) * unit;
    }

    /** A value after a limit, and which limit made it so (empty when none did). */
    private record Limited(BigDecimal value, String why) {
    }
}
