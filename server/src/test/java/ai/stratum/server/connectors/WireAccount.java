package ai.stratum.server.connectors;

import ai.stratum.plugin.testkit.WireResponse;
import ai.stratum.plugin.testkit.WireServer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * One account on the wire platform: its campaigns and their daily rows in the made-up line format
 * {@link WirePlatformPlugin} reads, served by a {@link WireServer}.
 */
final class WireAccount {

    private final String id;
    private final List<String> campaigns = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private String emq = "px-1|Purchase|9.5\n";
    private String freshness = Instant.now().toString();
    private String timeZone = "none";

    private WireAccount(String id) {
        this.id = id;
    }

    static WireAccount of(String id) {
        return new WireAccount(id);
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    WireAccount campaign(String campaignId, String name, String status, long dailyBudgetMicros) {
        campaigns.add(campaignId + "|" + name + "|" + status + "|OUTCOME_SALES|DAILY|" + dailyBudgetMicros + "|USD");
        return this;
    }

    WireAccount campaignWithoutBudget(String campaignId, String name) {
        campaigns.add(campaignId + "|" + name + "|PAUSED|OUTCOME_AWARENESS|||");
        return this;
    }

    /** The same figures on each of the last {@code days} days, today included. */
    WireAccount daily(String campaignId, int days, long spendMicros, double conversions, long revenueMicros) {
        for (int back = days - 1; back >= 0; back--) {
            row(campaignId, today().minusDays(back), spendMicros, conversions, revenueMicros);
        }
        return this;
    }

    WireAccount row(String campaignId, LocalDate day, long spendMicros, double conversions, long revenueMicros) {
        rows.add(campaignId + "|" + day + "|" + spendMicros + "|1000|50|" + conversions + "|" + revenueMicros + "|USD");
        return this;
    }

    WireAccount emq(String lines) {
        this.emq = lines;
        return this;
    }

    WireAccount freshness(String instantOrNone) {
        this.freshness = instantOrNone;
        return this;
    }

    WireAccount timeZone(String zoneOrNone) {
        this.timeZone = zoneOrNone;
        return this;
    }

    String path(String resource) {
        return "/v1/" + id + "/" + resource;
    }

    /**
     * Serves the campaigns on one page and the daily rows {@code rowsPerPage} at a time, on cursors
     * {@code p2}, {@code p3}, …; the EMQ and freshness as {@link #serveOn} does.
     *
     * @return how many pages of daily rows there are
     */
    int serveInPages(WireServer platform, int rowsPerPage) {
        serveOn(platform);
        int pages = Math.max(1, (rows.size() + rowsPerPage - 1) / rowsPerPage);
        for (int page = 1; page <= pages; page++) {
            String next = page < pages ? "p" + (page + 1) : "";
            String body = "next=" + next + "\n"
                    + String.join("\n", rows.subList((page - 1) * rowsPerPage, Math.min(rows.size(), page * rowsPerPage)));
            var route = platform.on("GET", path("insights"));
            (page == 1 ? route.withoutQuery("cursor") : route.withQuery("cursor", "p" + page)).respond(WireResponse.of(200, body));
        }
        return pages;
    }

    /** Serves everything on one page each (routes set later for the same path take over). */
    WireAccount serveOn(WireServer platform) {
        platform.on("GET", path("campaigns")).respond(WireResponse.of(200, "next=\n" + String.join("\n", campaigns)));
        platform.on("GET", path("insights")).respond(WireResponse.of(200, "next=\n" + String.join("\n", rows)));
        platform.on("GET", path("emq")).respond(WireResponse.of(200, emq));
        platform.on("GET", path("freshness")).respond(WireResponse.of(200, freshness));
        platform.on("GET", path("timezone")).respond(WireResponse.of(200, timeZone));
        return this;
    }
}
