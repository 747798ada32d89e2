package ai.stratum.sandbox.tiktok;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report data levels the sandbox simulates ({@code data_level}) and the id dimension each
 * takes next to {@code stat_time_day}: {@code AUCTION_CAMPAIGN} by {@code campaign_id},
 * {@code AUCTION_ADGROUP} by {@code adgroup_id} (each simulated campaign has one ad group, with its
 * campaign's results), {@code AUCTION_ADVERTISER} by {@code advertiser_id} (the day's sum over every
 * campaign; the id dimension may be left out). Rows come day by day, in the account's campaign
 * order within a day; days without delivery have no row.
 */
enum ReportLevel {
    CAMPAIGN("AUCTION_CAMPAIGN", "campaign_id"),
    ADGROUP("AUCTION_ADGROUP", "adgroup_id"),
    ADVERTISER("AUCTION_ADVERTISER", "advertiser_id");

    private final String dataLevel;
    private final String idDimension;

    ReportLevel(String dataLevel, String idDimension) {
        this.dataLevel = dataLevel;
        this.idDimension = idDimension;
    }

    /** @return the level of a {@code data_level} */
    static ReportLevel of(String dataLevel) {
        return Arrays.stream(values()).filter(level -> level.dataLevel.equals(dataLevel)).findFirst()
                .orElseThrow(() -> TikTokError.parameter("data_level: the sandbox simulates "
                        + Arrays.stream(values()).map(level -> level.dataLevel).toList() + ", not " + dataLevel + "."));
    }

    /** @return the dimension naming a row's id */
    String idDimension() {
        return idDimension;
    }

    /** @throws TikTokError unless the dimensions are the level's id and {@code stat_time_day} */
    void requireDimensions(List<String> dimensions) {
        boolean daily = dimensions.contains("stat_time_day");
        boolean idOnly = dimensions.stream().allMatch(d -> d.equals("stat_time_day") || d.equals(idDimension));
        boolean idPresent = dimensions.contains(idDimension) || this == ADVERTISER;
        if (!daily || !idOnly || !idPresent || dimensions.size() != dimensions.stream().distinct().count()) {
            throw TikTokError.parameter("dimensions: at " + dataLevel + " the sandbox simulates [\"" + idDimension
                    + "\", \"stat_time_day\"], not " + dimensions + ".");
        }
    }

    /** @return the rows of the days from {@code from} to {@code to} */
    List<ReportRow> rows(SimulatedAccount account, LocalDate from, LocalDate to) {
        List<ReportRow> rows = new ArrayList<>();
        for (SimulatedCampaign campaign : account.campaigns()) {
            String id = switch (this) {
                case CAMPAIGN -> campaign.id();
                case ADGROUP -> campaign.profile().adSetId();
                case ADVERTISER -> account.accountId();
            };
            boolean purchases = TikTokObjectives.optimizesForPurchases(campaign.profile().objective());
            for (DayOutcome day : account.report(campaign.id(), from, to)) {
                rows.add(ReportRow.of(id, day, purchases));
            }
        }
        if (this == ADVERTISER) {
            Map<LocalDate, ReportRow> byDay = new TreeMap<>();
            rows.forEach(row -> byDay.merge(row.date(), row, ReportRow::plus));
            return List.copyOf(byDay.values());
        }
        // the campaigns were read in account order and each one's days in date order: a stable sort keeps both
        return rows.stream().sorted(Comparator.comparing(ReportRow::date)).toList();
    }
}
