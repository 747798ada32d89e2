package ai.stratum.server.autopilot.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How a campaign's results over its window compare with one of the tenant's targets.
 *
 * <p>The {@code score} puts ROAS and CPA on one scale where above 1 is better than target: ROAS
 * divided by target ROAS, or target CPA divided by CPA. It is computed in decimal, so boundary
 * cases are exact (a ROAS of 3.3 against a target of 3.0 scores exactly 1.1, not 1.0999…).
 *
 * <p>With no conversions the CPA is not known, but it cannot be better than the spend itself (what
 * it would be if a conversion came next); the score is then that best case and marked as an upper
 * bound. An upper bound can justify a cut or a pause, never a raise.
 *
 * @param metric            which target this reading is against
 * @param summary           the comparison as a person reads it, with the numbers
 * @param score             the result relative to target, above 1 better
 * @param scoreIsUpperBound whether the true score may be lower (no conversions yet)
 */
record TargetReading(Metric metric, String summary, BigDecimal score, boolean scoreIsUpperBound) {

    /** The measures a tenant sets targets for. */
    enum Metric {
        /** Return on ad spend: revenue divided by spend; higher is better. */
        ROAS,
        /** Cost per conversion: spend divided by conversions; lower is better. */
        CPA
    }

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final BigDecimal MICROS_PER_UNIT = BigDecimal.valueOf(1_000_000);

    /**
     * Reads the window against every target the settings set.
     *
     * @param window   the campaign's window; it must have spend
     * @param settings the rule's settings
     * @param currency the campaign's currency
     * @return one reading per target, ROAS first; empty when no target is set
     */
    static List<TargetReading> against(PerformanceWindow window, RuleSettings settings, String currency) {
        if (window.spendMicros() <= 0) {
            throw new IllegalArgumentException("a window without spend cannot be read against targets");
        }
        List<TargetReading> readings = new ArrayList<>(2);
        settings.targetRoas().ifPresent(target -> readings.add(roas(window, target)));
        settings.targetCpa().ifPresent(target -> readings.add(cpa(window, target, currency)));
        return readings;
    }

    private static TargetReading roas(PerformanceWindow window, double target) {
        BigDecimal spend = BigDecimal.valueOf(window.spendMicros());
        BigDecimal revenue = BigDecimal.valueOf(window.revenueMicros());
        BigDecimal score = revenue.divide(spend.multiply(BigDecimal.valueOf(target)), PRECISION);
        double roas = revenue.divide(spend, PRECISION).doubleValue();
        String summary = "ROAS " + ReasonText.ratio(roas) + " over " + window.describe() + " is "
                + deviation(score.doubleValue() - 1) + " target " + ReasonText.ratio(target);
        return new TargetReading(Metric.ROAS, summary, score, false);
    }

    private static TargetReading cpa(PerformanceWindow window, double target, String currency) {
        BigDecimal spend = BigDecimal.valueOf(window.spendMicros());
        BigDecimal targetMicros = BigDecimal.valueOf(target).multiply(MICROS_PER_UNIT);
        String targetText = ReasonText.money(targetMicros.longValue(), currency);
        if (window.conversions() == 0) {
            BigDecimal score = targetMicros.divide(spend, PRECISION);
            String summary = "no conversions over " + window.describe() + " from "
                    + ReasonText.money(window.spendMicros(), currency) + " spent, so CPA is at least "
                    + ReasonText.money(window.spendMicros(), currency) + ", " + deviation(1 / score.doubleValue() - 1)
                    + " target " + targetText;
            return new TargetReading(Metric.CPA, summary, score, true);
        }
        BigDecimal conversions = BigDecimal.valueOf(window.conversions());
        BigDecimal score = targetMicros.multiply(conversions).divide(spend, PRECISION);
        long cpaMicros = spend.divide(conversions, PRECISION).longValue();
        String summary = "CPA " + ReasonText.money(cpaMicros, currency) + " over " + window.describe() + " is "
                + deviation(1 / score.doubleValue() - 1) + " target " + targetText;
        return new TargetReading(Metric.CPA, summary, score, false);
    }

    /** A relative difference as words: {@code 40 % above}, {@code 20 % below} or {@code on}. */
    private static String deviation(double relative) {
        if (relative == 0) {
            return "on";
        }
        return ReasonText.percent(Math.abs(relative) * 100) + (relative > 0 ? " above" : " below");
    }
}
