package ai.stratum.server.autopilot.rules;

/**
 * A budget change a rule settled on, after every limit was applied.
 *
 * @param direction      which way the budget moves
 * @param previousMicros the budget before the change
 * @param newMicros      the budget after it: positive, rounded to the currency's billing unit
 * @param changePct      the signed size of the change in percent of the previous budget
 * @param limitedBy      why the change is no bigger, for the reason a person reads; empty when
 *                       the rule got the change it asked for (apart from rounding)
 */
record BudgetMove(BudgetDirection direction, long previousMicros, long newMicros, double changePct, String limitedBy) {

    /** The move as a person reads it, for example {@code budget +20 % to 120.00 USD (step limit 20 %)}. */
    String describe(String currency) {
        String text = "budget " + ReasonText.signedPercent(changePct) + " to " + ReasonText.money(newMicros, currency);
        return limitedBy.isEmpty() ? text : text + " (" + limitedBy + ")";
    }
}
