package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.anomaly.CampaignDay;
import ai.stratum.server.ml.forecast.DailyAmounts;
import ai.stratum.server.ml.simulation.DailyPerformance;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A row of {@code campaign_daily_performance}: money in micros of {@code currency}.
 */
record CampaignDayRow(Platform platform, String campaignId, LocalDate date, long spendMicros, long revenueMicros,
                      double conversions, long impressions, long clicks, String currency) {

    CampaignDayRow {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(currency, "currency");
    }

    DailyPerformance performance() {
        return DailyPerformance.ofMicros(date, spendMicros, revenueMicros, conversions);
    }

    DailyAmounts amounts() {
        return new DailyAmounts(date, spendMicros / 1e6, revenueMicros / 1e6);
    }

    CampaignDay campaignDay() {
        return new CampaignDay(date, spendMicros / 1e6, revenueMicros / 1e6, conversions, impressions, clicks);
    }
}
