package ai.stratum.server.trust;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;

/**
 * The reasons of a {@link GateEvaluation}, an immutable list whose text is built on first read, so
 * the gate's hot path allocates no strings.
 */
final class GateReasons extends AbstractList<String> implements RandomAccess {

    private final ActionType action;
    private final GateDecision decision;
    private final RiskLevel risk;
    private final double threshold;
    private final AutopilotMode mode;
    private final double score;
    private final TrustGateConfig config;
    /** Built once; a racing second build yields equal text, and List.of's final fields publish it safely. */
    private List<String> lines;

    GateReasons(ActionType action, GateDecision decision, RiskLevel risk, double threshold, AutopilotMode mode,
                double score, TrustGateConfig config) {
        this.action = action;
        this.decision = decision;
        this.risk = risk;
        this.threshold = threshold;
        this.mode = mode;
        this.score = score;
        this.config = config;
    }

    @Override
    public String get(int index) {
        return lines().get(index);
    }

    @Override
    public int size() {
        return 2;
    }

    private List<String> lines() {
        List<String> built = lines;
        if (built == null) {
            built = List.of(decisionLine(), "Autopilot mode " + mode + ": " + ModeAssessment.reason(score, config));
            lines = built;
        }
        return built;
    }

    private String decisionLine() {
        if (risk == RiskLevel.ALWAYS_ALLOWED) {
            return action + " is always allowed, whatever the signal health";
        }
        String level = risk.label();
        return switch (decision) {
            case PASS -> "Signal health " + oneDecimal(score) + " meets the " + level + " threshold "
                    + oneDecimal(threshold);
            case HOLD -> "Signal health " + scoreBelow(threshold) + " is below the " + level + " threshold "
                    + oneDecimal(threshold) + "; held for approval";
            case BLOCK -> "Signal health " + scoreBelow(config.holdThreshold()) + " is below the " + level
                    + " threshold " + oneDecimal(threshold) + " and the hold threshold "
                    + oneDecimal(config.holdThreshold()) + "; blocked";
        };
    }

    /** One decimal, unless that would print a score just below the threshold as the threshold (69.99 as 70.0). */
    private String scoreBelow(double bound) {
        String rounded = oneDecimal(score);
        return rounded.equals(oneDecimal(bound)) && Double.isFinite(score)
                ? BigDecimal.valueOf(score).toPlainString()
                : rounded;
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
