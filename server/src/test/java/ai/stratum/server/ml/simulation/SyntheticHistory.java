package ai.stratum.server.ml.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Daily histories drawn from a known curve, for tests that need to know the answer. */
final class SyntheticHistory {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);
    static final double ORDER_VALUE = 80;

    private SyntheticHistory() {
    }

    /**
     * @param curve      the true daily curve
     * @param baseSpend  the typical daily spend
     * @param spread     daily spend is uniform in {@code baseSpend × (1 ± spread)}
     * @param noise      relative standard deviation of daily revenue around the curve
     * @param days       how many days
     * @param seed       the random seed
     * @return the history, one day after another
     */
    static List<DailyPerformance> draw(ResponseCurve curve, double baseSpend, double spread, double noise, int days,
                                       long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<DailyPerformance> history = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            double spend = baseSpend * (1 + spread * (2 * random.nextDouble() - 1));
            double revenue = Math.max(0, curve.revenue(spend) * (1 + noise * random.nextGaussian()));
            history.add(new DailyPerformance(FIRST_DAY.plusDays(i), spend, revenue, revenue / ORDER_VALUE));
        }
        return history;
    }
}
