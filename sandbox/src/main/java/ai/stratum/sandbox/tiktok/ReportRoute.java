package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.http.ApiRequest;
import ai.stratum.sandbox.http.ApiResponse;
import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.platform.PlatformState;
import ai.stratum.sandbox.platform.ReportSnapshots;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The synchronous report {@code GET /open_api/v1.3/report/integrated/get/} with
 * {@code report_type=BASIC}, a {@code data_level} ({@link ReportLevel}), {@code dimensions} and
 * {@code metrics} as JSON lists ({@link ReportMetrics}), {@code start_date} and {@code end_date}
 * ({@code yyyy-MM-dd}, the advertiser's days, at most {@value #MAX_DAYS} days with
 * {@code stat_time_day}) and paging ({@link Paging}). Each row of {@code data.list[]} is
 * {@code {metrics{...}, dimensions{stat_time_day: "yyyy-MM-dd 00:00:00", <id>}}}, the figures as
 * the simulation reports them now (today's partial, the last days' purchases still arriving).
 */
final class ReportRoute {

    /** The longest span of days TikTok reports by {@code stat_time_day}. */
    static final int MAX_DAYS = 30;

    private static final List<String> DEFAULT_METRICS = List.of("spend", "impressions");

    /** Pages after the first read the rows the first computed, as TikTok pages one result. */
    private static final ReportSnapshots<ReportRow> SNAPSHOTS = new ReportSnapshots<>();

    private final int pageCap;

    ReportRoute(int pageCap) {
        this.pageCap = pageCap;
    }

    ApiResponse handle(ApiRequest request, PlatformState state) {
        Params params = Params.ofQuery(request.query());
        SimulatedAccount account = Advertisers.require(state, params);
        if (!params.text("report_type").equals("BASIC")) {
            throw TikTokError.parameter("report_type: the sandbox simulates BASIC reports only.");
        }
        if (!params.optionalText("service_type").orElse("AUCTION").equals("AUCTION")) {
            throw TikTokError.parameter("service_type: the sandbox simulates AUCTION reports only.");
        }
        if (params.has("filtering")) {
            throw TikTokError.parameter("filtering: the sandbox does not simulate report filters.");
        }
        ReportLevel level = ReportLevel.of(params.text("data_level"));
        List<String> dimensions = params.texts("dimensions", 1, 4);
        level.requireDimensions(dimensions);
        List<String> metrics = params.optionalTexts("metrics", 1, 100).orElse(DEFAULT_METRICS);
        ReportMetrics.requireSimulated(metrics);
        LocalDate start = params.date("start_date");
        LocalDate end = params.date("end_date");
        if (end.isBefore(start)) {
            throw TikTokError.parameter("end_date: Must not be earlier than start_date.");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw TikTokError.parameter("The time span between start_date and end_date cannot exceed " + MAX_DAYS
                    + " days when stat_time_day is a dimension.");
        }
        Paging paging = Paging.of(params, pageCap);
        List<ReportRow> rows = SNAPSHOTS.rows(List.of(account, level, start, end), paging.page() == 1,
                () -> level.rows(account, start, end));
        ObjectNode data = Json.object();
        ArrayNode list = data.putArray("list");
        for (ReportRow row : paging.slice(rows)) {
            ObjectNode entry = list.addObject();
            entry.set("metrics", ReportMetrics.render(metrics, row));
            ObjectNode rowDimensions = entry.putObject("dimensions")
                    .put("stat_time_day", TikTokTimes.statTimeDay(row.date()));
            if (dimensions.contains(level.idDimension())) {
                rowDimensions.put(level.idDimension(), row.id());
            }
        }
        data.set("page_info", paging.pageInfo(rows.size()));
        return TikTokReplies.ok(data);
    }
}
