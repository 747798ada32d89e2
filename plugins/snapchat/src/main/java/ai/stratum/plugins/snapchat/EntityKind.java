package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.EntityType;

/**
 * The Snap entities actions change, with their names on the wire. Each is read alone
 * ({@code GET /v1/{plural}/{id}}) and written under its parent ({@code PUT
 * /v1/{parentPlural}/{parent_id}/{plural}} with {@code {"<plural>": [full object]}}), the parent id
 * being a field of the object itself.
 */
enum EntityKind {

    CAMPAIGN("campaigns", "campaign", "adaccounts", "ad_account_id"),
    AD_SQUAD("adsquads", "adsquad", "campaigns", "campaign_id"),
    AD("ads", "ad", "adsquads", "ad_squad_id");

    final String plural;
    final String singular;
    final String parentPlural;
    final String parentField;

    EntityKind(String plural, String singular, String parentPlural, String parentField) {
        this.plural = plural;
        this.singular = singular;
        this.parentPlural = parentPlural;
        this.parentField = parentField;
    }

    /** Snap's entity for the SPI's type: an ad set is Snap's ad squad. */
    static EntityKind of(EntityType type) {
        return switch (type) {
            case CAMPAIGN -> CAMPAIGN;
            case ADSET -> AD_SQUAD;
            case AD -> AD;
            case ACCOUNT -> throw ConnectorException.rejected(
                    "a Snapchat ad account takes no budget, bid or status change; only PAUSE_ALL acts on it", null);
        };
    }
}
