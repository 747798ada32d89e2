package ai.stratum.server.trust;

/** How much signal health an action needs before it executes unattended (seed 002's action risk levels). */
public enum RiskLevel {
    /** Needs the high-risk threshold (80): actions that raise spend or reach. */
    HIGH_RISK("high-risk"),
    /** Needs the standard threshold (70): every action on no list. */
    STANDARD("standard"),
    /** Needs the conservative threshold (60): actions that pause or reduce. */
    CONSERVATIVE("conservative"),
    /** Passes at any health: the ways to stop spending. */
    ALWAYS_ALLOWED("always-allowed");

    private final String label;

    RiskLevel(String label) {
        this.label = label;
    }

    /** @return the level's name in gate reasons, for example {@code high-risk} */
    public String label() {
        return label;
    }
}
