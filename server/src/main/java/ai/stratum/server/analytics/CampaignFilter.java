package ai.stratum.server.analytics;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Platform;

import java.util.Optional;

/** Which campaigns to list; an empty field does not filter. */
record CampaignFilter(Optional<Platform> platform, Optional<EntityStatus> status) {
}
