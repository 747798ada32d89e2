package ai.stratum.sandbox.snapchat;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /v1/adaccounts/{id}/stats?granularity=TOTAL}: the account's totals over whole hours, in
 * Snap's {@code total_stats} envelope, with the completeness times every stats answer carries
 * ({@link StatsFigures#completeness}). Both ends must fall on the hour in the account's zone.
 *
 * <p>The simulation reports days, so a day the window covers in part counts with the share of its
 * delivered time inside the window (delivery is taken as even over the day, and today's only up to
 * the newest data), money rounded to the cent. Only TOTAL is simulated for ad accounts.
 */
final class AccountStats {

    private static final long CENT = 10_000;

    private AccountStats() {
    }

    static ApiResponse get(ApiRequest request, SimulatedAccount account) {
        StatsQuery query = StatsQuery.of(request);
        if (!query.granularity().equals("TOTAL")) {
            throw SnapRefusal.invalid("Unsupported Stats Query: the sandbox simulates ad account stats with TOTAL "
                    + "granularity only, not " + query.granularity());
        }
        ZoneId zone = account.zone();
        ZonedDateTime start = onTheHour(query.requireStart(), zone, "start_time");
        ZonedDateTime end = onTheHour(query.requireEnd(), zone, "end_time");
        if (!end.isAfter(start)) {
            throw SnapRefusal.invalid("Unsupported Stats Query: end_time must be after start_time");
        }
        List<DayOutcome> outcomes = account.report(start.toLocalDate(), end.toLocalDate());
        ObjectNode stats = Json.object();
        for (String field : query.fields()) {
            long total = 0;
            for (DayOutcome outcome : outcomes) {
                total += share(field, outcome, start.toInstant(), end.toInstant(), account);
            }
            stats.put(field, total);
        }
        ObjectNode total = Json.object()
                .put("id", account.accountId())
                .put("type", "AD_ACCOUNT")
                .put("granularity", "TOTAL")
                .put("start_time", SnapTimes.local(start))
                .put("end_time", SnapTimes.local(end));
        StatsFigures.completeness(total, account);
        total.set("stats", stats);
        return SnapResponses.ok(SnapResponses.envelope("total_stats", "total_stat", List.of(total)));
    }

    /** The part of a day's figure delivered inside the window. */
    private static long share(String field, DayOutcome outcome, Instant from, Instant to, SimulatedAccount account) {
        long value = StatsFigures.value(field, outcome);
        LocalDate day = outcome.date();
        Instant dayStart = day.atStartOfDay(account.zone()).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(account.zone()).toInstant();
        Instant delivered = dayEnd.isAfter(account.newestDataAt()) ? account.newestDataAt() : dayEnd;
        long deliveredSeconds = ChronoUnit.SECONDS.between(dayStart, delivered);
        long insideSeconds = ChronoUnit.SECONDS.between(later(dayStart, from), earlier(delivered, to));
        if (deliveredSeconds <= 0 || insideSeconds <= 0) {
            return 0;
        }
        if (insideSeconds >= deliveredSeconds) {
            return value;
        }
        boolean money = field.equals("spend") || field.equals("conversion_purchases_value");
        long unit = money ? CENT : 1;
        long units = value / unit;
        return (units * insideSeconds + deliveredSeconds / 2) / deliveredSeconds * unit;
    }

    private static ZonedDateTime onTheHour(OffsetDateTime time, ZoneId zone, String parameter) {
        ZonedDateTime local = time.atZoneSameInstant(zone);
        if (!local.truncatedTo(ChronoUnit.HOURS).equals(local)) {
            throw SnapRefusal.invalid("Unsupported Stats Query: " + parameter + " must be on the hour in the account's "
                    + "timezone. This account's timezone is: " + zone.getId());
        }
        return local;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
