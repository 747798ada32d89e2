package ai.stratum.server.signals.health;

/**
 * An overall score from a weighted sum or mean of scores: within 0-100 and free of binary
 * floating-point noise.
 *
 * <p>The weights are decimal fractions that a double only approximates (0.40 × 0.90 is not exactly
 * 0.36), so components whose weighted sum is exactly 70 could add up to 69.99999999999999 and miss a
 * threshold they meet (seed 002: 70 and above is healthy). Rounding to nine decimals removes that
 * noise and nothing a threshold could mean, and keeps the score non-decreasing in every input.
 */
final class OverallScore {

    private static final double DECIMALS = 1e9;

    private OverallScore() {
    }

    static double of(double weightedSum) {
        double rounded = Math.rint(weightedSum * DECIMALS) / DECIMALS;
        return Math.min(100.0, Math.max(0.0, rounded));
    }
}
