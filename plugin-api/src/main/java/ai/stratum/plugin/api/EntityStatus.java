package ai.stratum.plugin.api;

/**
 * Delivery status of a campaign, ad set or ad, mapped from each platform's own values (for example
 * Google {@code ENABLED} and TikTok {@code ENABLE} are both {@link #ACTIVE}; Google
 * {@code REMOVED} is {@link #DELETED}).
 */
public enum EntityStatus {
    /** Delivering, or allowed to deliver. */
    ACTIVE,
    /** Stopped by its owner; can be resumed. */
    PAUSED,
    /** Kept for reporting only; cannot be resumed. */
    ARCHIVED,
    /** Deleted or removed on the platform. */
    DELETED
}
