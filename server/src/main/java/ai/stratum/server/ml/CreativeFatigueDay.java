package ai.stratum.server.ml;

import ai.stratum.server.ml.fatigue.FatigueLevel;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * A creative's fatigue on one day, as the daily job scored it.
 *
 * @param daysUntilCritical null when the score was not rising or the trend too short
 */
@Serdeable
record CreativeFatigueDay(LocalDate date, double fatigueScore, FatigueLevel fatigueLevel, Integer daysUntilCritical,
                          String recommendation) {
}
