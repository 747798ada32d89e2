package ai.stratum.server.cdp.rfm;

/** The named RFM groups (the standard RFM segment map); {@link RfmGroups} says which scores make each. */
public enum RfmGroup {
    CHAMPIONS,
    LOYAL_CUSTOMERS,
    POTENTIAL_LOYALISTS,
    NEW_CUSTOMERS,
    PROMISING,
    NEED_ATTENTION,
    ABOUT_TO_SLEEP,
    AT_RISK,
    CANNOT_LOSE_THEM,
    HIBERNATING,
    LOST
}
