package ai.stratum.server.connectors;

import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.DailyMetrics;
import ai.stratum.server.signals.health.SignalSnapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what a sync stored into the account's signal snapshot, as {@code ingestSignals} would
 * receive it: the EMQ readings and newest data time the platform reported, the platform's revenue
 * over the trailing window, and the window's days as metrics, today as the current day.
 *
 * <p>Days are read from the stored rows after the sync's write, not from what this sync fetched,
 * so a sync of older days still leaves the snapshot describing the trailing window. A plugin may
 * leave out a day without delivery, so a missing day between the account's first stored day and
 * today is a day of zero spend and zero conversions (CPA and ROAS undefined, so missing); days
 * before the first stored day are not history at all, so a new account is not judged on a run of
 * invented zeros.
 */
final class SyncedSnapshot {

    private static final double MICROS = 1_000_000.0;

    private SyncedSnapshot() {
    }

    /**
     * @param days the trailing window's stored totals, any order, at most one per date
     * @param from the first day of the trailing window
     * @param today the current day
     */
    static SignalSnapshot of(Platform platform, String accountId, List<EventMatchQuality> emq, Optional<Instant> newestDataAt,
                             List<DailyTotals> days, LocalDate from, LocalDate today) {
        SignalSnapshot snapshot = SignalSnapshot.empty(platform, accountId)
                .withEmqScores(emq.stream().map(EventMatchQuality::score).toList());
        if (newestDataAt.isPresent()) {
            snapshot = snapshot.withLastReceivedAt(newestDataAt.get());
        }
        Map<LocalDate, DailyTotals> byDate = days.stream()
                .filter(day -> !day.date().isBefore(from) && !day.date().isAfter(today))
                .collect(Collectors.toMap(DailyTotals::date, Function.identity(), (a, b) -> a, TreeMap::new));
        if (byDate.isEmpty()) {
            return snapshot;
        }
        long revenue = byDate.values().stream().mapToLong(DailyTotals::revenueMicros).sum();
        List<DailyMetrics> history = new ArrayList<>();
        for (LocalDate day = ((TreeMap<LocalDate, DailyTotals>) byDate).firstKey(); day.isBefore(today); day = day.plusDays(1)) {
            history.add(metrics(day, byDate.get(day)));
        }
        return new SignalSnapshot(platform, accountId, snapshot.emqScores(), snapshot.lastReceivedAt(),
                OptionalDouble.of(revenue / MICROS), OptionalDouble.empty(), Optional.of(metrics(today, byDate.get(today))),
                history, OptionalDouble.empty());
    }

    static DailyMetrics metrics(LocalDate date, DailyTotals totals) {
        if (totals == null) {
            return new DailyMetrics(date, 0.0, 0.0, null, null);
        }
        double spend = totals.spendMicros() / MICROS;
        double revenue = totals.revenueMicros() / MICROS;
        Double cpa = totals.conversions() > 0 ? spend / totals.conversions() : null;
        Double roas = totals.spendMicros() > 0 ? revenue / spend : null;
        return new DailyMetrics(date, spend, totals.conversions(), cpa, roas);
    }
}
