package ai.stratum.server.ml.forecast;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One forecast day.
 *
 * @param date    the day
 * @param spend   spend
 * @param revenue revenue
 * @param roas    revenue over spend: the point is the revenue forecast over the spend forecast, the
 *                interval the revenue interval over the spend forecast (spend follows the budget, the
 *                uncertainty is in what it buys); 0 when no spend is forecast
 */
public record ForecastDay(LocalDate date, ForecastValue spend, ForecastValue revenue, ForecastValue roas) {

    public ForecastDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(roas, "roas");
    }
}
