package ai.stratum.plugin.api;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads what an ad account is doing: its campaigns, their daily performance, the platform's
 * event-match quality and how fresh the data is. The host calls it on every sync of a connection
 * and feeds signal health with the result.
 *
 * <p>Every method concerns the one account named by {@code accountId}, with the credentials of
 * its connection in the context. Money is exact ({@link Money}); dates are in the account's time
 * zone. Read every page the platform has; the host pages through yours with the cursor. Fail the
 * stage with a {@link ConnectorException} when the platform's answer is unusable, rather than
 * returning part of it.
 */
public interface SignalCollector extends ConnectorExtension {

    /**
     * One page of the account's campaigns, in any status.
     *
     * @param context   the call's context
     * @param accountId the platform's ad account id, as the connection stores it
     * @param cursor    {@code null} for the first page, then {@link Page#nextCursor()}
     * @return the page
     */
    CompletionStage<Page<Campaign>> campaigns(ConnectorContext context, String accountId, String cursor);

    /**
     * One page of daily campaign results in the range. A day without delivery may be left out.
     *
     * @param context   the call's context
     * @param accountId the platform's ad account id
     * @param range     the days, in the account's time zone
     * @param cursor    {@code null} for the first page, then {@link Page#nextCursor()}
     * @return the page
     */
    CompletionStage<Page<CampaignDailyPerformance>> dailyPerformance(
            ConnectorContext context, String accountId, DateRange range, String cursor);

    /**
     * The current event-match-quality readings of the account's datasets.
     *
     * @param context   the call's context
     * @param accountId the platform's ad account id
     * @return the readings; empty when the platform has no such measure
     */
    CompletionStage<List<EventMatchQuality>> eventMatchQuality(ConnectorContext context, String accountId);

    /**
     * The time of the newest data the platform holds for the account, which signal health uses
     * as freshness.
     *
     * @param context   the call's context
     * @param accountId the platform's ad account id
     * @return the instant, or empty when the account has no data yet
     */
    CompletionStage<Optional<Instant>> newestDataAt(ConnectorContext context, String accountId);

    /**
     * The time zone the account keeps its days in. The host syncs the days up to the account's
     * today, not its own: an account ahead of the tenant's zone already has rows for tomorrow.
     *
     * @param context   the call's context
     * @param accountId the platform's ad account id
     * @return the zone; empty when the platform does not say, and the host then uses the tenant's
     */
    default CompletionStage<Optional<ZoneId>> timeZone(ConnectorContext context, String accountId) {
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
