package ai.stratum.server.cdp.profile;

/** How two observations of one trait become the profile's value. */
public enum TraitStrategy {
    /** The value of the newest event wins; the default, since people change plans, names and cities. */
    MOST_RECENT,
    /** The value of the oldest event wins, e.g. for createdAt or the first touch's campaign. */
    FIRST
}
