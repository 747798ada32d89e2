package ai.stratum.plugin.api;

/**
 * The levels of an ad account's hierarchy that an action can address. Platforms name the middle
 * level differently: Meta ad set, Google ad group, TikTok ad group, Snapchat ad squad are all
 * {@link #ADSET}.
 */
public enum EntityType {
    /** A campaign. */
    CAMPAIGN,
    /** An ad set, ad group or ad squad: the level below the campaign. */
    ADSET,
    /** A single ad. */
    AD,
    /** The whole ad account. */
    ACCOUNT
}
