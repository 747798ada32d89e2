package ai.stratum.server.ml.forecast;

import ai.stratum.server.ml.InvalidMlInputException;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Forecasts a campaign's or a platform's daily spend, revenue and ROAS with 80 % prediction intervals.
 *
 * <p><b>Method.</b> Spend and revenue are each forecast by their own additive Holt-Winters model with a
 * damped trend and a weekly season (ETS(A,Ad,A), {@link HoltWinters}), fitted to the daily history by
 * least one-step-ahead squared error over a parameter grid. ROAS is revenue over spend. Why this model:
 * ad results have a strong weekly rhythm (demand peaks towards the weekend), a level that moves when
 * budgets or auctions change, and little trend that lasts; exponential smoothing with a weekly season
 * follows a moved level within days, and the damped trend keeps a few weeks' drift from being projected
 * straight out over three months. It is also cheap (a 120-day history fits in well under a millisecond)
 * and needs no training set beyond the series itself, so it works for a campaign with two weeks of
 * history. {@code docs/model-quality.md} ("Forecasts") has its rolling-origin backtest against the
 * sandbox's simulator, next to the seasonal-naive baseline.
 *
 * <p>Days before the first day with any spend or revenue are dropped (a campaign that had not started
 * yet). Revenue is fitted only to days whose conversions have all arrived; spend, final at once, to
 * every day. At least {@value #MIN_HISTORY_DAYS} settled days must remain, two full weeks to start the
 * season from. Forecasts and bounds are floored at zero.
 *
 * <p>Stateless and thread-safe.
 */
public final class Forecaster {

    /** The method and its version: part of every cache key, so a change of method never serves old results. */
    public static final String METHOD = "holt-winters-damped-additive-weekly/1";
    public static final double INTERVAL_LEVEL = 0.8;
    public static final int MIN_HISTORY_DAYS = HoltWinters.MIN_OBSERVATIONS;
    public static final int MAX_DAYS = 90;
    /**
     * How many of the newest days' revenue a caller should treat as unsettled: platforms attribute
     * conversions for 7 days after the click by default (Meta's 7-day click window; Google's reports
     * settle within days), and the backtest shows a history that includes them forecasts revenue low.
     */
    public static final int REVENUE_SETTLING_DAYS = 7;

    /**
     * @param history              consecutive days, oldest first, amounts finite and at least 0
     * @param revenueSettledThrough the last day whose revenue is complete: later days' conversions are
     *                              still arriving (attribution windows run for days), so their revenue
     *                              would pull the forecast down; only their spend is used
     * @param firstDay             the first day to forecast, after the history's last day
     * @param days                 how many days to forecast, 1 to {@value #MAX_DAYS}
     * @return the forecast
     * @throws InvalidMlInputException naming {@code days} when out of range, or {@code history} when too
     *                                 short, not consecutive, or holding an amount that is negative or not
     *                                 a number
     */
    public PerformanceForecast forecast(List<DailyAmounts> history, LocalDate revenueSettledThrough, LocalDate firstDay,
                                        int days) {
        Objects.requireNonNull(revenueSettledThrough, "revenueSettledThrough");
        Objects.requireNonNull(firstDay, "firstDay");
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidMlInputException("days", "must be 1 to " + MAX_DAYS + ", was " + days);
        }
        List<DailyAmounts> started = started(history);
        List<DailyAmounts> settled = started.stream().filter(day -> !day.date().isAfter(revenueSettledThrough)).toList();
        if (settled.size() < MIN_HISTORY_DAYS) {
            throw new InvalidMlInputException("history", "has " + settled.size() + " settled days since the first spend or"
                    + " revenue; a forecast needs " + MIN_HISTORY_DAYS + " (two full weeks)");
        }
        LocalDate lastDay = started.get(started.size() - 1).date();
        LocalDate lastSettled = settled.get(settled.size() - 1).date();
        if (!firstDay.isAfter(lastDay)) {
            throw new IllegalArgumentException("the first day forecast (" + firstDay + ") must come after the history, which ends "
                    + lastDay);
        }
        HoltWinters.SeriesForecast spendForecast = HoltWinters.fit(started.stream().mapToDouble(DailyAmounts::spend).toArray())
                .forecast(gap(lastDay, firstDay), days);
        HoltWinters.SeriesForecast revenueForecast = HoltWinters.fit(settled.stream().mapToDouble(DailyAmounts::revenue).toArray())
                .forecast(gap(lastSettled, firstDay), days);
        List<ForecastDay> forecast = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            ForecastValue daySpend = floored(spendForecast, i);
            ForecastValue dayRevenue = floored(revenueForecast, i);
            forecast.add(new ForecastDay(firstDay.plusDays(i), daySpend, dayRevenue, roas(daySpend, dayRevenue)));
        }
        return new PerformanceForecast(METHOD, INTERVAL_LEVEL, started.size(), lastDay, forecast);
    }

    /** Days strictly between the last observation and the first day forecast. */
    private static int gap(LocalDate last, LocalDate firstDay) {
        return (int) (ChronoUnit.DAYS.between(last, firstDay) - 1);
    }

    /** The days from the first with spend or revenue on, checked. */
    private static List<DailyAmounts> started(List<DailyAmounts> history) {
        Objects.requireNonNull(history, "history");
        int first = -1;
        for (int i = 0; i < history.size(); i++) {
            DailyAmounts day = Objects.requireNonNull(history.get(i), "history day");
            requireAmount("history[" + i + "].spend", day.spend());
            requireAmount("history[" + i + "].revenue", day.revenue());
            if (i > 0 && !day.date().equals(history.get(i - 1).date().plusDays(1))) {
                throw new InvalidMlInputException("history[" + i + "].date", "days must be consecutive, oldest first: "
                        + day.date() + " follows " + history.get(i - 1).date());
            }
            if (first < 0 && (day.spend() > 0 || day.revenue() > 0)) {
                first = i;
            }
        }
        return first < 0 ? List.of() : history.subList(first, history.size());
    }

    private static void requireAmount(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidMlInputException(field, "must be a finite amount of at least 0, was " + value);
        }
    }

    private static ForecastValue floored(HoltWinters.SeriesForecast series, int i) {
        return new ForecastValue(Math.max(0, series.mean()[i]), Math.max(0, series.lower()[i]), Math.max(0, series.upper()[i]));
    }

    private static ForecastValue roas(ForecastValue spend, ForecastValue revenue) {
        if (!(spend.value() > 0)) {
            return new ForecastValue(0, 0, 0);
        }
        return new ForecastValue(revenue.value() / spend.value(), revenue.lower() / spend.value(), revenue.upper() / spend.value());
    }
}
