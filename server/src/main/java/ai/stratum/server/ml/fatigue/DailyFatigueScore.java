package ai.stratum.server.ml.fatigue;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A creative's fatigue score on an earlier day, as the daily fatigue job stored it: the trend that
 * {@code daysUntilCritical} is read from.
 *
 * @param date         the day
 * @param fatigueScore the score that day, 0-100
 */
public record DailyFatigueScore(LocalDate date, double fatigueScore) {

    public DailyFatigueScore {
        Objects.requireNonNull(date, "date");
        if (!(fatigueScore >= 0 && fatigueScore <= 100)) {
            throw new IllegalArgumentException("fatigueScore must be within 0-100, was " + fatigueScore);
        }
    }
}
