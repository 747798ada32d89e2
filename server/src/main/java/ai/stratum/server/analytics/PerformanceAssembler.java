package ai.stratum.server.analytics;

import ai.stratum.server.error.ApiException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns the grouped query's parts into rows: adds up each group's parts (one per exchange rate
 * used) and refuses the whole answer when any amount could not be converted, since a total that
 * silently mixes currencies is wrong without looking wrong.
 */
final class PerformanceAssembler {

    private PerformanceAssembler() {
    }

    /**
     * @param parts    sorted so that each group's parts are adjacent
     * @param currency the tenant's currency, which every part is already in
     * @throws ApiException CONFLICT naming the currency pair and the earliest day without a rate
     */
    static List<PerformanceRow> rows(List<PerformancePart> parts, PerformanceQuery query, String currency) {
        parts.stream()
                .map(PerformancePart::missing)
                .flatMap(Optional::stream)
                .min(Comparator.comparing(MissingFxRate::date).thenComparing(MissingFxRate::from))
                .ifPresent(missing -> {
                    throw ApiException.conflict(missing.describe());
                });
        List<PerformanceRow> rows = new ArrayList<>();
        int start = 0;
        while (start < parts.size()) {
            PerformanceGroup group = parts.get(start).group();
            int end = start;
            PerformanceTotals totals = PerformanceTotals.ZERO;
            List<FxConversion> fx = new ArrayList<>();
            while (end < parts.size() && parts.get(end).group().equals(group)) {
                totals = totals.plus(parts.get(end).totals());
                parts.get(end).fx().ifPresent(fx::add);
                end++;
            }
            rows.add(PerformanceRow.of(group, totals, currency, fx));
            start = end;
        }
        if (rows.isEmpty() && query.groupBy().isEmpty()) {
            // the totals of nothing are zeros, not no answer
            rows.add(PerformanceRow.of(PerformanceGroup.ALL, PerformanceTotals.ZERO, currency, List.of()));
        }
        return rows;
    }
}
