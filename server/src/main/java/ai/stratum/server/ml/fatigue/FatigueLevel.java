package ai.stratum.server.ml.fatigue;

/**
 * Seed 001's fatigue levels. The seed's thresholds ({@code low 30, medium 50, high 70, critical 85})
 * are where each level starts; below 30 a creative is still fresh, which the seed has no name for,
 * so it stays {@link #LOW} and only its recommendation differs (see {@link FatigueScorer}).
 */
public enum FatigueLevel {
    /** Below 50: no or early signs of fatigue. */
    LOW("low", 30),
    /** 50 to below 70. */
    MEDIUM("medium", 50),
    /** 70 to below 85. */
    HIGH("high", 70),
    /** 85 and above. */
    CRITICAL("critical", 85);

    private final String id;
    private final double threshold;

    FatigueLevel(String id, double threshold) {
        this.id = id;
        this.threshold = threshold;
    }

    /** @return the seed's name, for example {@code high} */
    public String id() {
        return id;
    }

    /** @return the seed's threshold for this level */
    public double threshold() {
        return threshold;
    }

    /**
     * @param score a fatigue score, 0-100
     * @return CRITICAL at 85 and above, HIGH at 70, MEDIUM at 50, otherwise LOW
     */
    public static FatigueLevel of(double score) {
        if (score >= CRITICAL.threshold) {
            return CRITICAL;
        }
        if (score >= HIGH.threshold) {
            return HIGH;
        }
        return score >= MEDIUM.threshold ? MEDIUM : LOW;
    }
}
