package ai.stratum.server.ml.simulation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One settled day of a campaign's history, the data its response curve is fitted to. Amounts are in
 * the account currency's units (not micros): the simulator is statistics over amounts, never
 * bookkeeping. Pass days whose late conversions have arrived (a week or more old): the last days'
 * revenue is still growing and would bend the curve down.
 *
 * @param date        the day
 * @param spend       amount spent that day
 * @param revenue     conversion value attributed to that day
 * @param conversions conversions attributed to that day (fractional on platforms with data-driven attribution)
 */
public record DailyPerformance(LocalDate date, double spend, double revenue, double conversions) {

    public DailyPerformance {
        Objects.requireNonNull(date, "date");
    }

    /**
     * @return the day from amounts in micros, as stored and as the platforms report them
     */
    public static DailyPerformance ofMicros(LocalDate date, long spendMicros, long revenueMicros, double conversions) {
        return new DailyPerformance(date, spendMicros / 1e6, revenueMicros / 1e6, conversions);
    }
}
