package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A campaign's daily performance, oldest day first; days without a row are days without delivery.
 *
 * @param platform   its platform
 * @param campaignId the platform's campaign id
 * @param days       its days, at most one per date
 */
public record CampaignHistory(Platform platform, String campaignId, List<CampaignDay> days) {

    public CampaignHistory {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(campaignId, "campaignId");
        days = days.stream().sorted(Comparator.comparing(CampaignDay::date)).toList();
        for (int i = 1; i < days.size(); i++) {
            if (days.get(i).date().equals(days.get(i - 1).date())) {
                throw new IllegalArgumentException("two rows for " + campaignId + " on " + days.get(i).date());
            }
        }
    }

    /** @return the days on which it spent anything */
    public long deliveryDays() {
        return days.stream().filter(day -> day.spend() > 0).count();
    }

    /** @return its first day, if it has any */
    public LocalDate firstDay() {
        return days.isEmpty() ? null : days.get(0).date();
    }
}
