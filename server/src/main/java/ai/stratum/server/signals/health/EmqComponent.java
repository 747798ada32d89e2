package ai.stratum.server.signals.health;

import java.util.List;

/** Seed 002's {@code calculate_emq_component}: platform EMQ readings (0-10) on a 0-100 scale, averaged. */
final class EmqComponent {

    /** The seed's "default moderate score" when no platform reported EMQ. */
    static final double NO_READINGS_SCORE = 75.0;

    private EmqComponent() {
    }

    static ComponentScore score(List<Double> readings) {
        if (readings.isEmpty()) {
            return ComponentScore.of(NO_READINGS_SCORE,
                    "no EMQ readings; assuming " + OneDecimal.of(NO_READINGS_SCORE / 10) + " / 10");
        }
        double sum = 0;
        for (double reading : readings) {
            sum += Math.min(100.0, Math.max(0.0, reading * 10));
        }
        double score = sum / readings.size();
        return score < 100.0
                ? ComponentScore.of(score, "EMQ averages " + OneDecimal.of(score / 10) + " / 10")
                : ComponentScore.perfect();
    }
}
