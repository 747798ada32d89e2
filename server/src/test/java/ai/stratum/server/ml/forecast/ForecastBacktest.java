package ai.stratum.server.ml.forecast;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.ml.SandboxAccount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rolling-origin evaluation of the {@link Forecaster} on the sandbox's simulated campaigns: at each
 * origin (a morning), the history as it was reported that morning, the forecast of the following
 * days, and the days as they were finally reported. The same origins are forecast by the seasonal-naive
 * method (each day as the same weekday of the history's last week) for comparison.
 */
final class ForecastBacktest {

    static final int HISTORY_DAYS = 120;
    static final int HORIZON_DAYS = 28;
    static final int ORIGINS = 8;
    /** The last origin leaves room for its horizon before the account's end. */
    static final LocalDate LAST_ORIGIN = SandboxAccount.END.minusDays(HORIZON_DAYS + 1);
    /** Horizons reported separately: the first week, the second, the rest. */
    static final int[][] HORIZON_BUCKETS = {{1, 7}, {8, 14}, {15, 28}};

    private final Forecaster forecaster = new Forecaster();
    /** As the forecast service: the newest week's revenue is left out, its conversions still arriving. */
    private final int settlingDays = Forecaster.REVENUE_SETTLING_DAYS;

    /** Every campaign of the accounts, each at every origin. */
    Results campaigns(List<SandboxAccount> accounts) {
        Results results = new Results();
        for (SandboxAccount account : accounts) {
            for (SimulatedCampaign campaign : account.campaigns()) {
                for (int k = 0; k < ORIGINS; k++) {
                    LocalDate origin = LAST_ORIGIN.minusDays(7L * k);
                    LocalDate from = origin.minusDays(HISTORY_DAYS);
                    List<DayOutcome> reported = account.reportedOn(origin, campaign.id(), from, origin.minusDays(1));
                    List<DayOutcome> settled = account.settled(campaign.id(), origin, origin.plusDays(HORIZON_DAYS - 1));
                    results.add(evaluate(campaign.id(), reported, settled, origin));
                }
            }
        }
        return results;
    }

    /** Each account as one platform: its campaigns' daily sums, at every origin. */
    Results platforms(List<SandboxAccount> accounts) {
        Results results = new Results();
        for (SandboxAccount account : accounts) {
            for (int k = 0; k < ORIGINS; k++) {
                LocalDate origin = LAST_ORIGIN.minusDays(7L * k);
                LocalDate from = origin.minusDays(HISTORY_DAYS);
                LocalDate end = origin.plusDays(HORIZON_DAYS - 1);
                List<List<DayOutcome>> reported = new ArrayList<>();
                List<List<DayOutcome>> settled = new ArrayList<>();
                for (SimulatedCampaign campaign : account.campaigns()) {
                    reported.add(account.reportedOn(origin, campaign.id(), from, origin.minusDays(1)));
                    settled.add(account.settled(campaign.id(), origin, end));
                }
                results.add(evaluate("total", SandboxAccount.total(reported, from, origin.minusDays(1)),
                        SandboxAccount.total(settled, origin, end), origin));
            }
        }
        return results;
    }

    private Evaluation evaluate(String id, List<DayOutcome> reported, List<DayOutcome> settled, LocalDate origin) {
        LocalDate from = origin.minusDays(HISTORY_DAYS);
        LocalDate historyEnd = origin.minusDays(1);
        LocalDate settledThrough = origin.minusDays(1L + settlingDays);
        List<DailyAmounts> history = new ArrayList<>();
        for (DayOutcome day : SandboxAccount.everyDay(id, reported, from, historyEnd).values()) {
            history.add(new DailyAmounts(day.date(), day.spendMicros() / 1e6, day.revenueMicros() / 1e6));
        }
        Map<LocalDate, DayOutcome> actual = SandboxAccount.everyDay(id, settled, origin, origin.plusDays(HORIZON_DAYS - 1));
        PerformanceForecast forecast = forecaster.forecast(history, settledThrough, origin, HORIZON_DAYS);
        Series spend = new Series(HORIZON_DAYS);
        Series revenue = new Series(HORIZON_DAYS);
        Series roas = new Series(HORIZON_DAYS);
        double[] spendHistory = history.stream().mapToDouble(DailyAmounts::spend).toArray();
        // the baseline, like the forecaster, sees only the days whose revenue has settled
        List<DailyAmounts> settledHistory = history.stream().filter(day -> !day.date().isAfter(settledThrough)).toList();
        double[] revenueHistory = settledHistory.stream().mapToDouble(DailyAmounts::revenue).toArray();
        double[] roasHistory = new double[revenueHistory.length];
        for (int i = 0; i < revenueHistory.length; i++) {
            roasHistory[i] = spendHistory[i] > 0 ? revenueHistory[i] / spendHistory[i] : 0;
        }
        int i = 0;
        for (ForecastDay day : forecast.days()) {
            DayOutcome outcome = actual.get(day.date());
            double actualSpend = outcome.spendMicros() / 1e6;
            double actualRevenue = outcome.revenueMicros() / 1e6;
            spend.set(i, actualSpend, day.spend(), seasonalNaive(spendHistory, history, day.date()));
            revenue.set(i, actualRevenue, day.revenue(), seasonalNaive(revenueHistory, settledHistory, day.date()));
            roas.set(i, actualSpend > 0 ? actualRevenue / actualSpend : 0, day.roas(),
                    seasonalNaive(roasHistory, settledHistory, day.date()));
            i++;
        }
        spend.scale = ForecastAccuracy.seasonalNaiveScale(spendHistory, 7);
        revenue.scale = ForecastAccuracy.seasonalNaiveScale(revenueHistory, 7);
        roas.scale = ForecastAccuracy.seasonalNaiveScale(roasHistory, 7);
        double conversionsPerDay = reported.stream().mapToLong(DayOutcome::conversions).sum() / (double) HISTORY_DAYS;
        return new Evaluation(conversionsPerDay, spend, revenue, roas);
    }

    /** The history's last value on the same weekday as {@code day}. */
    private static double seasonalNaive(double[] values, List<DailyAmounts> history, LocalDate day) {
        for (int i = values.length - 1; i >= 0; i--) {
            if (history.get(i).date().getDayOfWeek() == day.getDayOfWeek()) {
                return values[i];
            }
        }
        throw new IllegalStateException("no such weekday in the history");
    }

    /** One series' actual values, forecasts and intervals over the horizon. */
    static final class Series {
        final double[] actual;
        final double[] forecast;
        final double[] lower;
        final double[] upper;
        final double[] naive;
        double scale;

        Series(int days) {
            actual = new double[days];
            forecast = new double[days];
            lower = new double[days];
            upper = new double[days];
            naive = new double[days];
        }

        void set(int i, double actualValue, ForecastValue forecastValue, double naiveValue) {
            actual[i] = actualValue;
            forecast[i] = forecastValue.value();
            lower[i] = forecastValue.lower();
            upper[i] = forecastValue.upper();
            naive[i] = naiveValue;
        }

        Series days(int first, int last) {
            Series part = new Series(last - first + 1);
            for (int i = first - 1; i < last; i++) {
                part.actual[i - first + 1] = actual[i];
                part.forecast[i - first + 1] = forecast[i];
                part.lower[i - first + 1] = lower[i];
                part.upper[i - first + 1] = upper[i];
                part.naive[i - first + 1] = naive[i];
            }
            part.scale = scale;
            return part;
        }
    }

    /** One forecast of one campaign or platform from one origin. */
    record Evaluation(double conversionsPerDay, Series spend, Series revenue, Series roas) {
    }

    /** Many evaluations, summarized per series and horizon. */
    static final class Results {
        final List<Evaluation> evaluations = new ArrayList<>();

        void add(Evaluation evaluation) {
            evaluations.add(evaluation);
        }

        Results withConversionsPerDay(double atLeast) {
            Results subset = new Results();
            evaluations.stream().filter(e -> e.conversionsPerDay() >= atLeast).forEach(subset::add);
            return subset;
        }

        Summary summary(String metric, int firstDay, int lastDay) {
            List<Double> mapes = new ArrayList<>();
            List<Double> mases = new ArrayList<>();
            List<Double> naiveMases = new ArrayList<>();
            int inside = 0;
            int days = 0;
            for (Evaluation evaluation : evaluations) {
                Series series = switch (metric) {
                    case "spend" -> evaluation.spend();
                    case "revenue" -> evaluation.revenue();
                    case "roas" -> evaluation.roas();
                    default -> throw new IllegalArgumentException(metric);
                };
                Series part = series.days(firstDay, lastDay);
                double mape = ForecastAccuracy.mape(part.actual, part.forecast);
                if (!Double.isNaN(mape)) {
                    mapes.add(mape);
                }
                if (part.scale > 0) {
                    mases.add(ForecastAccuracy.mase(part.actual, part.forecast, part.scale));
                    naiveMases.add(ForecastAccuracy.mase(part.actual, part.naive, part.scale));
                }
                inside += (int) Math.round(ForecastAccuracy.coverage(part.actual, part.lower, part.upper) * part.actual.length);
                days += part.actual.length;
            }
            return new Summary(metric, firstDay, lastDay, evaluations.size(), median(mapes), mean(mases), mean(naiveMases),
                    (double) inside / days);
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        private static double median(List<Double> values) {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : HoltWinters.percentile(sorted, 0.5);
        }
    }

    /**
     * @param mape      the median over forecasts of each forecast's MAPE, in percent
     * @param mase      the mean over forecasts of each forecast's MASE
     * @param naiveMase the same for the seasonal-naive forecast of the same days
     * @param coverage  the share of days whose actual value lay within the 80 % interval
     */
    record Summary(String metric, int firstDay, int lastDay, int forecasts, double mape, double mase, double naiveMase,
                   double coverage) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %d-%d | %d | %.1f %% | %.2f | %.2f | %.1f %% |", metric, firstDay, lastDay,
                    forecasts, mape, mase, naiveMase, 100 * coverage);
        }
    }

    static String header() {
        return "| series | days ahead | forecasts | median MAPE | mean MASE | seasonal-naive MASE | 80 % interval coverage |\n"
                + "|---|---|---|---|---|---|---|";
    }

}
