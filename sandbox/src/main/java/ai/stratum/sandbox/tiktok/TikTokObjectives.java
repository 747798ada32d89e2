package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.simulation.Objective;

/**
 * TikTok's advertising objectives ({@code objective_type}) for the simulation's: website sales are
 * {@code WEB_CONVERSIONS} (campaigns optimized for the pixel's Complete Payment event), visits
 * {@code TRAFFIC}, reach and recall {@code REACH}.
 */
final class TikTokObjectives {

    private TikTokObjectives() {
    }

    static String objectiveType(Objective objective) {
        return switch (objective) {
            case SALES -> "WEB_CONVERSIONS";
            case TRAFFIC -> "TRAFFIC";
            case AWARENESS -> "REACH";
        };
    }

    /** @return whether the campaign's optimization event ({@code conversion}) is the purchase itself */
    static boolean optimizesForPurchases(Objective objective) {
        return objective == Objective.SALES;
    }
}
