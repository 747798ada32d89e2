package ai.stratum.server.ml.forecast;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of a campaign's or a platform's results, as the forecaster reads them. Amounts are in
 * currency units (not micros); a day without delivery is a day of zeros, not a missing day.
 *
 * @param date    the day
 * @param spend   amount spent
 * @param revenue conversion value attributed to the day
 */
public record DailyAmounts(LocalDate date, double spend, double revenue) {

    public DailyAmounts {
        Objects.requireNonNull(date, "date");
    }
}
