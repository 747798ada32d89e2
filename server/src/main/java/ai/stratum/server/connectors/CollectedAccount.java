package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.EventMatchQuality;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything one sync read from the platform, checked and complete: only this is ever written. The
 * daily rows themselves were staged page by page as they were read ({@link StagedPerformance}).
 *
 * @param campaigns       every campaign of the account, in any status
 * @param performanceRows how many daily rows of the window were staged, at most one per campaign and day
 * @param emq          the platform's event-match-quality readings
 * @param newestDataAt the newest data the platform holds for the account
 * @param timeZone     the zone the account keeps its days in, when its plugin says
 * @param currency     the account's currency, when any amount named it
 */
record CollectedAccount(List<Campaign> campaigns, long performanceRows, List<EventMatchQuality> emq,
                        Optional<Instant> newestDataAt, Optional<String> currency, Optional<ZoneId> timeZone) {

    CollectedAccount {
        campaigns = List.copyOf(campaigns);
        emq = List.copyOf(emq);
    }

    long rows() {
        return campaigns.size() + performanceRows;
    }
}
