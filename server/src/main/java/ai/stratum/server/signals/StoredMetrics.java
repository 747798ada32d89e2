package ai.stratum.server.signals;

import ai.stratum.server.signals.health.DailyMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/** A day of metrics as kept in the {@code account_signals} JSON columns. */
@Serdeable
record StoredMetrics(String date, @Nullable Double spend, @Nullable Double conversions, @Nullable Double cpa,
                     @Nullable Double roas) {

    static StoredMetrics of(DailyMetrics metrics) {
        return new StoredMetrics(metrics.date().toString(), metrics.spend(), metrics.conversions(), metrics.cpa(), metrics.roas());
    }

    DailyMetrics toMetrics() {
        return new DailyMetrics(LocalDate.parse(date), spend, conversions, cpa, roas);
    }
}
