package ai.stratum.sandbox.simulation;

/** What a simulated campaign is bought for; each platform's API names it its own way. */
public enum Objective {
    /** Purchases on the advertiser's site or app. */
    SALES,
    /** Visits to the advertiser's site. */
    TRAFFIC,
    /** Reach and recall. */
    AWARENESS
}
