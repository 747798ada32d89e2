package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Derives the account's data freshness, since TikTok's Marketing API reports no "data complete
 * up to" timestamp. It reads the advertiser-level daily report of the last
 * {@value TikTokReads#MAX_REPORT_DAYS} days (today included, in the advertiser's time zone),
 * takes the newest {@code stat_time_day} with delivery (spend or impressions above zero), and
 * answers the end of that day in the advertiser's time zone, capped at now: today's partial data
 * counts as fresh up to now, an earlier day as fresh up to its midnight. Without delivery in that
 * window the answer is empty (no recent data).
 */
final class NewestDataReader {

    private final ConnectorContext context;
    private final TikTokApi api;

    NewestDataReader(ConnectorContext context, TikTokApi api) {
        this.context = context;
        this.api = api;
    }

    CompletionStage<Optional<Instant>> read(String advertiserId) {
        return AdvertiserInfo.fetch(api, advertiserId).thenCompose(info -> {
            LocalDate today = LocalDate.now(context.clock().withZone(info.zone()));
            LocalDate from = today.minusDays(TikTokReads.MAX_REPORT_DAYS - 1L);
            return newestDay(advertiserId, from, today, 1, Optional.empty())
                    .thenApply(day -> day.map(d -> endOf(d, info.zone())));
        });
    }

    private CompletionStage<Optional<LocalDate>> newestDay(String advertiserId, LocalDate from, LocalDate to,
                                                           int page, Optional<LocalDate> newestSoFar) {
        return TikTokReads.advertiserDays(api, advertiserId, from, to, page).thenCompose(reply -> {
            Optional<LocalDate> newest = newestSoFar;
            JsonNode list = reply.data().path("list");
            if (!list.isArray()) {
                throw ConnectorException.malformedResponse("TikTok's report answer has no data.list", null);
            }
            for (JsonNode row : list) {
                if (delivered(row.path("metrics"))) {
                    LocalDate day = DailyReportParser.day(row.path("dimensions").path("stat_time_day"));
                    newest = newest.filter(known -> known.isAfter(day)).or(() -> Optional.of(day));
                }
            }
            PageInfo pageInfo = PageInfo.of(reply.data(), TikTokReads.REPORT);
            if (pageInfo.hasNext()) {
                return newestDay(advertiserId, from, to, page + 1, newest);
            }
            return CompletableFuture.completedFuture(newest);
        });
    }

    private static boolean delivered(JsonNode metrics) {
        return DailyReportParser.decimal(metrics, "spend").signum() > 0
                || DailyReportParser.count(metrics, "impressions") > 0;
    }

    private Instant endOf(LocalDate day, ZoneId zone) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant now = context.clock().instant();
        return endOfDay.isAfter(now) ? now : endOfDay;
    }
}
