package ai.stratum.plugins.tiktok;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The read calls of the Marketing API this plugin makes, with their query parameters exactly as
 * TikTok takes them (JSON arrays as their JSON text, dates as {@code yyyy-MM-dd} in the
 * advertiser's time zone).
 */
final class TikTokReads {

    static final String CAMPAIGNS = "campaign/get";
    static final String REPORT = "report/integrated/get";

    /**
     * The longest date span TikTok's synchronous report takes with the {@code stat_time_day}
     * dimension; longer ranges are read in chunks of this many days.
     */
    static final int MAX_REPORT_DAYS = 30;

    private TikTokReads() {
    }

    /** One page of the advertiser's campaigns, every status, every field TikTok returns by default. */
    static CompletionStage<TikTokReply> campaigns(TikTokApi api, String advertiserId, int page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", advertiserId);
        query.put("page", String.valueOf(page));
        query.put("page_size", String.valueOf(PageInfo.MAX_PAGE_SIZE));
        return api.get(CAMPAIGNS, query);
    }

    /** One page of campaign-day rows with the metrics {@link DailyReportParser} reads. */
    static CompletionStage<TikTokReply> campaignDays(TikTokApi api, String advertiserId, LocalDate start,
                                                     LocalDate end, int page) {
        return report(api, advertiserId, "AUCTION_CAMPAIGN", List.of("campaign_id", "stat_time_day"),
                DailyReportParser.METRICS, start, end, page);
    }

    /** One page of advertiser-day rows with spend and impressions, to find the newest day with delivery. */
    static CompletionStage<TikTokReply> advertiserDays(TikTokApi api, String advertiserId, LocalDate start,
                                                       LocalDate end, int page) {
        return report(api, advertiserId, "AUCTION_ADVERTISER", List.of("advertiser_id", "stat_time_day"),
                List.of("spend", "impressions"), start, end, page);
    }

    private static CompletionStage<TikTokReply> report(TikTokApi api, String advertiserId, String dataLevel,
                                                       List<String> dimensions, List<String> metrics,
                                                       LocalDate start, LocalDate end, int page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("advertiser_id", advertiserId);
        query.put("report_type", "BASIC");
        query.put("data_level", dataLevel);
        query.put("dimensions", TikTokJson.write(TikTokJson.array(dimensions)));
        query.put("metrics", TikTokJson.write(TikTokJson.array(metrics)));
        query.put("start_date", start.toString());
        query.put("end_date", end.toString());
        query.put("page", String.valueOf(page));
        query.put("page_size", String.valueOf(PageInfo.MAX_PAGE_SIZE));
        return api.get(REPORT, query);
    }
}
