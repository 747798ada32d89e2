package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.forecast.ForecastDay;
import ai.stratum.server.ml.forecast.PerformanceForecast;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A forecast as GraphQL returns it, the cache stores it and the daily job saves it.
 *
 * @param campaignId            the campaign, or null for a platform's forecast
 * @param currency              the currency of every amount: the campaign's, or the tenant's for a platform
 * @param revenueSettledThrough the last day whose revenue the model saw: later days' conversions were still arriving
 * @param computedAt            when it was computed; the same for a cached result
 */
@Serdeable
record ForecastView(ForecastLevel level, Platform platform, String campaignId, String currency, String method, double intervalLevel,
                    int historyDays, LocalDate historyEnd, LocalDate revenueSettledThrough, List<ForecastDay> days,
                    Instant computedAt) {

    static ForecastView of(ForecastLevel level, Platform platform, String campaignId, String currency, PerformanceForecast forecast,
                           LocalDate revenueSettledThrough, Instant computedAt) {
        return new ForecastView(level, platform, campaignId, currency, forecast.method(), forecast.intervalLevel(),
                forecast.historyDays(), forecast.historyEnd(), revenueSettledThrough, forecast.days(), computedAt);
    }
}
