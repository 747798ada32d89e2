package ai.stratum.plugins.snapchat;

import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.Page;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Walks an ad account's daily campaign performance: Snap serves stats per campaign
 * ({@code GET /v1/campaigns/{id}/stats}), at most 32 days at a time, so each Snap request is one campaign
 * over one {@link StatsWindow}, and the cursor walks campaigns (every status, since a paused campaign may
 * have spent in the range), then windows. A page of the SPI gathers the next {@value #STATS_PER_PAGE}
 * such requests of the current campaign page, so it never holds more than {@value #STATS_PER_PAGE} ×
 * {@value StatsWindow#MAX_DAYS} rows, whatever the range or the number of campaigns.
 *
 * <p>The first page reads the ad account (currency and time zone) and the first page of campaigns; the
 * cursor carries them on, with the ids of the campaigns not yet done on the current campaign page
 * (campaigns are listed {@value #CAMPAIGN_PAGE_LIMIT} at a time, Snap's smallest page, to keep the
 * cursor small) and Snap's cursor of the next campaign page.
 */
final class DailyPerformanceWalk {

    static final int CAMPAIGN_PAGE_LIMIT = CampaignPage.MIN_LIMIT;
    /**
     * Stats requests per page. Each page is a call of the host's sync, which costs more than a Snap request,
     * so a page gathers several requests, sent at once; the account's rate limit in the host still paces them.
     */
    static final int STATS_PER_PAGE = 25;

    private final SnapchatApi api;
    private final String adAccountId;
    private final DateRange range;

    DailyPerformanceWalk(SnapchatApi api, String adAccountId, DateRange range) {
        this.api = api;
        this.adAccountId = adAccountId;
        this.range = range;
    }

    CompletionStage<Page<CampaignDailyPerformance>> page(String cursor) {
        CompletionStage<Position> start = cursor == null
                ? begin()
                : CompletableFuture.completedFuture(Cursors.decode(cursor, Position.class));
        return start.thenCompose(this::atCampaign).thenCompose(position -> position.campaignIds().isEmpty()
                ? CompletableFuture.completedFuture(Page.last(List.of()))
                : statsOf(position));
    }

    private CompletionStage<Position> begin() {
        return AdAccount.fetch(api, adAccountId).thenCompose(account ->
                CampaignPage.fetch(api, adAccountId, CAMPAIGN_PAGE_LIMIT, null).thenApply(page -> new Position(
                        account.zone().getId(), account.currency(), ids(page), 0, page.nextCursor().orElse(null))));
    }

    /** Fetches further campaign pages while the current one is used up and Snap has more. */
    private CompletionStage<Position> atCampaign(Position position) {
        if (!position.campaignIds().isEmpty() || position.campaignsCursor() == null) {
            return CompletableFuture.completedFuture(position);
        }
        return CampaignPage.fetch(api, adAccountId, CAMPAIGN_PAGE_LIMIT, position.campaignsCursor())
                .thenApply(page -> new Position(position.zone(), position.currency(), ids(page), 0,
                        page.nextCursor().orElse(null)))
                .thenCompose(this::atCampaign);
    }

    /**
     * The next {@value #STATS_PER_PAGE} (campaign, window) stats requests of the current campaign page, sent
     * together; the page holds their rows in walk order and fails whole if any of them fails.
     */
    private CompletionStage<Page<CampaignDailyPerformance>> statsOf(Position position) {
        AdAccount account = position.account(adAccountId);
        int windows = StatsWindow.count(range);
        List<CompletableFuture<List<CampaignDailyPerformance>>> requests = new ArrayList<>();
        Position next = position;
        while (requests.size() < STATS_PER_PAGE && !next.campaignIds().isEmpty()) {
            String campaignId = next.campaignIds().get(0);
            StatsWindow window = StatsWindow.of(range, next.window());
            requests.add(api.get(api.urls().campaignDailyStats(campaignId, window.startTime(account.zone()),
                            window.endTime(account.zone())), "campaign stats response")
                    .thenApply(response -> CampaignStatsParser.parse(response.root(), campaignId, window, account))
                    .toCompletableFuture());
            next = next.advance(windows);
        }
        Position after = next;
        return CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<CampaignDailyPerformance> rows = new ArrayList<>();
            requests.forEach(request -> rows.addAll(request.join()));
            return after.finished() ? Page.last(rows) : Page.of(rows, Cursors.encode(after));
        });
    }

    private static List<String> ids(CampaignPage page) {
        return page.campaigns().stream().map(campaign -> SnapJson.text(campaign, "id", CampaignParser.WHAT)).toList();
    }

    /**
     * Where the walk stands; the state the cursor carries.
     *
     * @param zone            the account's time zone id
     * @param currency        the account's currency
     * @param campaignIds     the campaigns of the current campaign page not yet done, the current one first
     * @param window          the index of the current {@link StatsWindow} of the current campaign
     * @param campaignsCursor Snap's cursor of the next campaign page, null when this page is the last
     */
    record Position(String zone, String currency, List<String> campaignIds, int window, String campaignsCursor) {

        Position {
            campaignIds = List.copyOf(campaignIds);
        }

        Position advance(int windows) {
            return window + 1 < windows
                    ? new Position(zone, currency, campaignIds, window + 1, campaignsCursor)
                    : new Position(zone, currency, campaignIds.subList(1, campaignIds.size()), 0, campaignsCursor);
        }

        boolean finished() {
            return campaignIds.isEmpty() && campaignsCursor == null;
        }

        AdAccount account(String adAccountId) {
            return new AdAccount(adAccountId, currency, ZoneId.of(zone), "");
        }
    }
}
