package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.api.SignalCollector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.pf4j.Extension;

/**
 * Reads a TikTok advertiser's campaigns, daily campaign results, and data freshness through the
 * Marketing API v1.3. The first page of campaigns or results reads the advertiser's currency
 * ({@link AdvertiserInfo}); later pages carry it in the cursor ({@link PageCursor}).
 *
 * <p>Daily results come from the synchronous report ({@link DailyReportParser} documents the
 * conversion rule); ranges longer than {@value TikTokReads#MAX_REPORT_DAYS} days are read in
 * chunks of that length, each paged to its last page.
 *
 * <p>Event match quality: TikTok's Marketing API offers no event-match-quality score for an
 * advertiser's pixels (its Events Manager shows one in the web interface only), so the readings
 * are always empty. Freshness is derived as {@link NewestDataReader} describes.
 */
@Extension
public class TikTokSignalCollector implements SignalCollector {

    @Override
    public String connectorId() {
        return TikTokPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<Page<Campaign>> campaigns(ConnectorContext context, String accountId, String cursor) {
        return Stages.attempt(() -> {
            TikTokApi api = new TikTokApi(context);
            return start(api, accountId, cursor, null).thenCompose(at ->
                    TikTokReads.campaigns(api, accountId, at.page()).thenApply(reply -> {
                        List<Campaign> campaigns = CampaignParser.parseAll(reply.data(), at.currency());
                        context.telemetry().count("tiktok.campaigns.read", campaigns.size(), Map.of());
                        PageInfo pageInfo = PageInfo.of(reply.data(), TikTokReads.CAMPAIGNS);
                        return pageInfo.hasNext()
                                ? Page.of(campaigns, new PageCursor(at.page() + 1, at.currency(), null).encode())
                                : Page.last(campaigns);
                    }));
        });
    }

    @Override
    public CompletionStage<Page<CampaignDailyPerformance>> dailyPerformance(
            ConnectorContext context, String accountId, DateRange range, String cursor) {
        return Stages.attempt(() -> {
            TikTokApi api = new TikTokApi(context);
            return start(api, accountId, cursor, range.from()).thenCompose(at -> {
                if (at.chunkStart() == null || !range.contains(at.chunkStart())) {
                    throw new IllegalArgumentException("cursor " + cursor + " does not belong to " + range);
                }
                LocalDate chunkEnd = min(at.chunkStart().plusDays(TikTokReads.MAX_REPORT_DAYS - 1L), range.to());
                return TikTokReads.campaignDays(api, accountId, at.chunkStart(), chunkEnd, at.page())
                        .thenApply(reply -> {
                            List<CampaignDailyPerformance> rows = DailyReportParser.parseAll(reply.data(), at.currency());
                            context.telemetry().count("tiktok.report.rows", rows.size(), Map.of());
                            PageInfo pageInfo = PageInfo.of(reply.data(), TikTokReads.REPORT);
                            if (pageInfo.hasNext()) {
                                return Page.of(rows, new PageCursor(at.page() + 1, at.currency(), at.chunkStart()).encode());
                            }
                            if (chunkEnd.isBefore(range.to())) {
                                return Page.of(rows, new PageCursor(1, at.currency(), chunkEnd.plusDays(1)).encode());
                            }
                            return Page.last(rows);
                        });
            });
        });
    }

    @Override
    public CompletionStage<List<EventMatchQuality>> eventMatchQuality(ConnectorContext context, String accountId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Optional<Instant>> newestDataAt(ConnectorContext context, String accountId) {
        return Stages.attempt(() -> {
            TikTokApi api = new TikTokApi(context);
            return new NewestDataReader(context, api).read(accountId);
        });
    }

    @Override
    public CompletionStage<Optional<ZoneId>> timeZone(ConnectorContext context, String accountId) {
        return Stages.attempt(() -> AdvertiserInfo.fetch(new TikTokApi(context), accountId)
                .thenApply(info -> Optional.of(info.zone())));
    }

    /** The page to read: from the cursor, or page 1 after reading the advertiser's currency. */
    private static CompletionStage<PageCursor> start(TikTokApi api, String accountId, String cursor, LocalDate firstDay) {
        if (cursor != null) {
            return CompletableFuture.completedFuture(PageCursor.decode(cursor));
        }
        return AdvertiserInfo.fetch(api, accountId).thenApply(info -> new PageCursor(1, info.currency(), firstDay));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
