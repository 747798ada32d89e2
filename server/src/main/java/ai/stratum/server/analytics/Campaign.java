package ai.stratum.server.analytics;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Platform;

import java.time.Instant;
import java.util.Optional;

/** A campaign of one of the tenant's ad accounts, as the last sync stored it. */
public record Campaign(Platform platform, String accountId, String campaignId, String name, EntityStatus status,
                       Optional<String> objective, Optional<CampaignBudget> budget, String currency, String timezone,
                       Instant updatedAt) {

    /** Campaign ids are unique within a platform, so the platform and the id name a campaign. */
    public String id() {
        return platform.name() + ":" + campaignId;
    }

    CampaignCursor cursor() {
        return new CampaignCursor(platform, campaignId);
    }
}
