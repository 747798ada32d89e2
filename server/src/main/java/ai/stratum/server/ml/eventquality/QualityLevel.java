package ai.stratum.server.ml.eventquality;

/** Seed 001's {@code QUALITY_LEVELS}, with what each means for attribution ({@code _estimate_roas_impact}). */
public enum QualityLevel {
    /** 80-100. */
    EXCELLENT("excellent", 80, "~95% attribution accuracy"),
    /** 60-79. */
    GOOD("good", 60, "~80% attribution accuracy"),
    /** 40-59. */
    FAIR("fair", 40, "~60% attribution accuracy"),
    /** 0-39. */
    POOR("poor", 0, "<40% attribution accuracy - significant loss");

    private final String id;
    private final double threshold;
    private final String roasImpactEstimate;

    QualityLevel(String id, double threshold, String roasImpactEstimate) {
        this.id = id;
        this.threshold = threshold;
        this.roasImpactEstimate = roasImpactEstimate;
    }

    /** @return the seed's name, for example {@code excellent} */
    public String id() {
        return id;
    }

    /** @return the lowest score of the level */
    public double threshold() {
        return threshold;
    }

    /** @return the seed's attribution estimate for the level, word for word */
    public String roasImpactEstimate() {
        return roasImpactEstimate;
    }

    /**
     * @param score 0-100
     * @return EXCELLENT from 80, GOOD from 60, FAIR from 40, otherwise POOR
     */
    public static QualityLevel of(double score) {
        for (QualityLevel level : values()) {
            if (score >= level.threshold) {
                return level;
            }
        }
        return POOR;
    }
}
