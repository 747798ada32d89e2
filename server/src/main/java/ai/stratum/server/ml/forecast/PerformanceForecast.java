package ai.stratum.server.ml.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Spend, revenue and ROAS for the days ahead.
 *
 * @param method        the forecasting method and its version, {@link Forecaster#METHOD}
 * @param intervalLevel the prediction intervals' nominal coverage, 0.8
 * @param historyDays   how many days of history the models were fitted to
 * @param historyEnd    the last day of that history
 * @param days          the forecast days, in date order
 */
public record PerformanceForecast(String method, double intervalLevel, int historyDays, LocalDate historyEnd,
                                  List<ForecastDay> days) {

    public PerformanceForecast {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(historyEnd, "historyEnd");
        days = List.copyOf(days);
    }
}
