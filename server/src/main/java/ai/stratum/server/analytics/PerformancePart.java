package ai.stratum.server.analytics;

import java.util.Optional;

/**
 * What the grouped query returns: the part of one group's totals converted with one exchange rate
 * (or needing none), or the group's days whose currency has no rate. The query sorts parts by
 * group, so a group's parts arrive one after another.
 *
 * @param totals in micro-units of the tenant's currency; zero when {@code missing} is present
 */
public record PerformancePart(PerformanceGroup group, Optional<FxConversion> fx, Optional<MissingFxRate> missing,
                              PerformanceTotals totals) {
}
