package ai.stratum.plugins.snapchat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * How fresh an ad account's Snap data is, from the completeness times Snap puts on every stats
 * answer. {@code finalized_data_end_time} is the time up to which delivery figures (impressions,
 * swipes, spend) are final; {@code conversion_data_processed_end_time} the time up to which
 * conversions are processed. The newest data is taken as the <em>earlier</em> of the two: only up to
 * that time is every figure a sync writes — spend and the purchases that make ROAS — complete, and
 * signal health should not call an account fresh while its conversions lag behind its spend.
 *
 * <p>One cheap request asks for them: the account's total spend over the last 24 whole hours
 * ({@code GET /v1/adaccounts/{id}/stats?granularity=TOTAL&fields=spend}), TOTAL granularity taking
 * whole hours in the account's time zone. An answer without either time means Snap has nothing to
 * report yet, which is empty.
 */
final class DataFreshness {

    private static final String WHAT = "ad account stats response";

    private DataFreshness() {
    }

    static CompletionStage<Optional<Instant>> fetch(SnapchatApi api, AdAccount account, Clock clock) {
        ZonedDateTime end = ZonedDateTime.now(clock.withZone(account.zone())).truncatedTo(ChronoUnit.HOURS).plusHours(1);
        ZonedDateTime start = end.minusDays(1);
        return api.get(api.urls().adAccountTotalStats(account.id(), StatsWindow.format(start), StatsWindow.format(end)),
                        WHAT)
                .thenApply(response -> parse(response.root()));
    }

    static Optional<Instant> parse(ObjectNode root) {
        List<ObjectNode> totals = SnapEnvelope.entities(root, "total_stats", "total_stat", WHAT);
        if (totals.size() != 1) {
            throw SnapJson.malformed(WHAT, "expected the totals of one ad account, got " + totals.size());
        }
        ObjectNode total = totals.get(0);
        return Stream.of(
                        SnapJson.optionalInstant(total, "finalized_data_end_time", WHAT),
                        SnapJson.optionalInstant(total, "conversion_data_processed_end_time", WHAT))
                .flatMap(Optional::stream)
                .min(Instant::compareTo);
    }
}
