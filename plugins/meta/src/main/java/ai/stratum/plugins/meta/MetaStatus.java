package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.EntityStatus;

/**
 * Meta's configured {@code status} of campaigns, ad sets and ads: {@code ACTIVE}, {@code PAUSED},
 * {@code ARCHIVED} and {@code DELETED}, the same four names as {@link EntityStatus}. (The derived
 * {@code effective_status}, such as {@code CAMPAIGN_PAUSED} or {@code WITH_ISSUES}, is not a
 * setting and is not mapped.)
 */
final class MetaStatus {

    private MetaStatus() {
    }

    static EntityStatus fromMeta(String status) {
        return switch (status) {
            case "ACTIVE" -> EntityStatus.ACTIVE;
            case "PAUSED" -> EntityStatus.PAUSED;
            case "ARCHIVED" -> EntityStatus.ARCHIVED;
            case "DELETED" -> EntityStatus.DELETED;
            default -> throw JsonFields.malformed("Meta sent an unknown status: " + status);
        };
    }

    static String toMeta(EntityStatus status) {
        return switch (status) {
            case ACTIVE -> "ACTIVE";
            case PAUSED -> "PAUSED";
            case ARCHIVED -> "ARCHIVED";
            case DELETED -> "DELETED";
        };
    }
}
