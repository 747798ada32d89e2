package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.EventMatchQuality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one sync read from the platform, checked and complete: only this is ever written.
 *
 * @param campaigns    every campaign of the account, in any status
 * @param performance  the daily rows of the window, at most one per campaign and day
 * @param emq          the platform's event-match-quality readings
 * @param newestDataAt the newest data the platform holds for the account
 * @param currency     the account's currency, when any amount named it
 */
record CollectedAccount(List<Campaign> campaigns, List<CampaignDailyPerformance> performance, List<EventMatchQuality> emq,
                        Optional<Instant> newestDataAt, Optional<String> currency) {

    CollectedAccount {
        campaigns = List.copyOf(campaigns);
        performance = List.copyOf(performance);
        emq = List.copyOf(emq);
    }

    int rows() {
        return campaigns.size() + performance.size();
    }
}
