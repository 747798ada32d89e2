package ai.stratum.server.ml.roas;

/**
 * Seed 001's {@code _generate_recommendation(prediction, campaign_data)}, whose body the seed leaves out;
 * its one example is "Increase budget by 15%". The rules, first match wins:
 * <ol>
 *   <li>predicted ROAS below 1 (every unit spent returns less than a unit): "Reduce budget by 20%";</li>
 *   <li>trend IMPROVING and the prediction at or above the 30-day ROAS: "Increase budget by 15%";</li>
 *   <li>trend DECLINING and the prediction below the 30-day ROAS: "Reduce budget by 10%";</li>
 *   <li>creative fatigue at the fatigue scorer's "high" level (70) or above: "Refresh creative before
 *   changing budget" — more budget on a worn creative buys less;</li>
 *   <li>otherwise "Maintain current budget".</li>
 * </ol>
 */
public final class RoasRecommendation {

    static final double BREAK_EVEN = 1.0;
    static final double HIGH_FATIGUE = 70;

    private RoasRecommendation() {
    }

    /**
     * @param predictedRoas the prediction
     * @param features      the campaign's features
     * @param trend         its trend
     * @return the recommendation
     */
    public static String of(double predictedRoas, RoasFeatures features, RoasTrend trend) {
        if (predictedRoas < BREAK_EVEN) {
            return "Reduce budget by 20%";
        }
        if (trend == RoasTrend.IMPROVING && predictedRoas >= features.historicalRoas30d()) {
            return "Increase budget by 15%";
        }
        if (trend == RoasTrend.DECLINING && predictedRoas < features.historicalRoas30d()) {
            return "Reduce budget by 10%";
        }
        if (features.creativeFatigueScore() >= HIGH_FATIGUE) {
            return "Refresh creative before changing budget";
        }
        return "Maintain current budget";
    }
}
