package ai.stratum.server.signals.health;

/**
 * The weights of the components in the overall score. Without a CDP score they are the settings'
 * (40/25/20/15); with one, CDP takes its weight (10 %) and the other four shrink in proportion, by
 * {@code 1 - cdpWeight} (seed 002: 36/22.5/18/13.5/10). Either way they sum to 1.
 *
 * @param emq       weight of the EMQ component
 * @param freshness weight of the freshness component
 * @param variance  weight of the variance component
 * @param anomaly   weight of the anomaly component
 * @param cdp       weight of the CDP component, 0 without one
 */
record ComponentWeights(double emq, double freshness, double variance, double anomaly, double cdp) {

    static ComponentWeights withoutCdp(TrustSettings settings) {
        return new ComponentWeights(settings.emqWeight(), settings.freshnessWeight(), settings.varianceWeight(),
                settings.anomalyWeight(), 0.0);
    }

    static ComponentWeights withCdp(TrustSettings settings) {
        double others = 1.0 - settings.cdpWeight();
        return new ComponentWeights(settings.emqWeight() * others, settings.freshnessWeight() * others,
                settings.varianceWeight() * others, settings.anomalyWeight() * others, settings.cdpWeight());
    }

    double overall(double emqScore, double freshnessScore, double varianceScore, double anomalyScore,
                   double cdpScore) {
        return emq * emqScore + freshness * freshnessScore + variance * varianceScore + anomaly * anomalyScore
                + cdp * cdpScore;
    }
}
