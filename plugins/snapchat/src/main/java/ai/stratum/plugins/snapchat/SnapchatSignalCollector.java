package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.api.SignalCollector;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Reads a Snap ad account through the Marketing API v1.
 *
 * <ul>
 *   <li>Campaigns: {@code GET /v1/adaccounts/{id}/campaigns?limit=1000}, following
 *       {@code paging.next_link} to the last page; the cursor carries the account's currency (read once
 *       from {@code GET /v1/adaccounts/{id}}) and Snap's paging cursor ({@link CampaignParser}).</li>
 *   <li>Daily performance: one stats request per campaign and window of at most 31 days
 *       ({@link DailyPerformanceWalk}); the conversion rule is documented on {@link CampaignStatsParser}.</li>
 *   <li>Event match quality: always empty. Snap's stats carry no match-quality score, and the Signal
 *       Readiness API Snap documents for pixels ({@code /v1/pixels/{id}/event_quality_scores}) is meant
 *       for approved partners, is not on the 0-10 scale the SPI takes, and its answer could not be
 *       checked against a documented or recorded example, so no reading is invented.</li>
 *   <li>Newest data: the earlier of Snap's {@code finalized_data_end_time} and
 *       {@code conversion_data_processed_end_time} ({@link DataFreshness}).</li>
 * </ul>
 */
@Extension
public class SnapchatSignalCollector implements SignalCollector {

    @Override
    public String connectorId() {
        return SnapchatPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<Page<Campaign>> campaigns(ConnectorContext context, String accountId, String cursor) {
        return Stages.guarded(() -> {
            SnapchatApi api = new SnapchatApi(context);
            CampaignsCursor position = cursor == null ? null : Cursors.decode(cursor, CampaignsCursor.class);
            CompletionStage<String> currency = position == null
                    ? AdAccount.fetch(api, accountId).thenApply(AdAccount::currency)
                    : CompletableFuture.completedFuture(position.currency());
            return currency.thenCompose(code -> CampaignPage.fetch(api, accountId, CampaignPage.MAX_LIMIT,
                            position == null ? null : position.snapCursor())
                    .thenApply(page -> {
                        List<Campaign> campaigns = page.campaigns().stream()
                                .map(campaign -> CampaignParser.parse(campaign, code))
                                .toList();
                        return page.nextCursor()
                                .map(next -> Page.of(campaigns, Cursors.encode(new CampaignsCursor(code, next))))
                                .orElseGet(() -> Page.last(campaigns));
                    }));
        });
    }

    @Override
    public CompletionStage<Page<CampaignDailyPerformance>> dailyPerformance(ConnectorContext context,
            String accountId, DateRange range, String cursor) {
        return Stages.guarded(() -> new DailyPerformanceWalk(new SnapchatApi(context), accountId, range).page(cursor));
    }

    @Override
    public CompletionStage<List<EventMatchQuality>> eventMatchQuality(ConnectorContext context, String accountId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Optional<Instant>> newestDataAt(ConnectorContext context, String accountId) {
        return Stages.guarded(() -> {
            SnapchatApi api = new SnapchatApi(context);
            return AdAccount.fetch(api, accountId)
                    .thenCompose(account -> DataFreshness.fetch(api, account, context.clock()));
        });
    }

    @Override
    public CompletionStage<Optional<ZoneId>> timeZone(ConnectorContext context, String accountId) {
        return Stages.guarded(() -> AdAccount.fetch(new SnapchatApi(context), accountId)
                .thenApply(account -> Optional.of(account.zone())));
    }

    /**
     * The campaigns cursor.
     *
     * @param currency   the account's currency, read on the first page
     * @param snapCursor Snap's cursor of the next page
     */
    record CampaignsCursor(String currency, String snapCursor) {
    }
}
