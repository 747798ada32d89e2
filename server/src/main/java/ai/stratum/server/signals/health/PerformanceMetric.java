package ai.stratum.server.signals.health;

/** The daily metrics the anomaly component checks, in seed 002's order. */
enum PerformanceMetric {
    SPEND("spend"),
    CONVERSIONS("conversions"),
    CPA("CPA"),
    ROAS("ROAS");

    private final String label;

    PerformanceMetric(String label) {
        this.label = label;
    }

    /** @return the metric's name in issue lines */
    String label() {
        return label;
    }

    /** @return this metric of the day, or {@code null} when it is missing */
    Double of(DailyMetrics day) {
        return switch (this) {
            case SPEND -> day.spend();
            case CONVERSIONS -> day.conversions();
            case CPA -> day.cpa();
            case ROAS -> day.roas();
        };
    }
}
