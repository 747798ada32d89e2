package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Budget;
import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Money;

import java.time.Instant;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the pages a plugin returns for one sync, refusing what would make the write wrong: a
 * campaign or a campaign-day twice (which would double count), a day outside the window, a row
 * for a campaign the account's campaign list does not have, or an account in two currencies.
 * A refusal fails the sync before anything is written.
 *
 * <p>The campaigns are kept (the final transaction writes them); the daily rows are not: each
 * checked page goes on to be staged, and only one bit per campaign-day stays here to catch a
 * repeat, so memory does not grow with the rows of a long date range.
 */
final class AccountCollection {

    private final String label;
    private final SyncWindow window;
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();
    /** Per campaign, the days (counted from the window's first) it already had a row for. */
    private final Map<String, BitSet> campaignDays = new HashMap<>();
    private long performanceRows;
    private String currency;

    /**
     * @param label  names the account and plugin in messages, for example {@code the meta-marketing plugin (META act_1)}
     * @param window the days being synced
     */
    AccountCollection(String label, SyncWindow window) {
        this.label = label;
        this.window = window;
    }

    void addCampaigns(List<Campaign> page) {
        for (Campaign campaign : page) {
            if (campaigns.putIfAbsent(campaign.id(), campaign) != null) {
                throw malformed(label + " returned campaign " + campaign.id() + " twice");
            }
            for (Budget budget : campaign.budgets()) {
                currency(budget.amount(), "the budget of campaign " + campaign.id());
            }
        }
    }

    /** @return the page, every row checked */
    List<CampaignDailyPerformance> addPerformance(List<CampaignDailyPerformance> page) {
        for (CampaignDailyPerformance row : page) {
            LocalDate day = row.date();
            if (!window.contains(day)) {
                throw malformed(label + " returned performance of " + day + " for a sync of " + window.from() + " to " + window.to());
            }
            if (!campaigns.containsKey(row.campaignId())) {
                throw malformed(label + " returned performance for campaign " + row.campaignId()
                        + ", which its campaign list does not have");
            }
            BitSet days = campaignDays.computeIfAbsent(row.campaignId(), id -> new BitSet());
            int offset = (int) ChronoUnit.DAYS.between(window.from(), day);
            if (days.get(offset)) {
                throw malformed(label + " returned performance for campaign " + row.campaignId() + " on " + day + " twice");
            }
            currency(row.spend(), "the performance of campaign " + row.campaignId() + " on " + day);
            days.set(offset);
            performanceRows++;
        }
        return page;
    }

    CollectedAccount complete(List<EventMatchQuality> emq, Optional<Instant> newestDataAt, Optional<ZoneId> timeZone) {
        return new CollectedAccount(List.copyOf(campaigns.values()), performanceRows, emq, newestDataAt, Optional.ofNullable(currency),
                timeZone);
    }

    private void currency(Money amount, String where) {
        if (currency == null) {
            currency = amount.currency();
        } else if (!currency.equals(amount.currency())) {
            throw malformed(label + " reported " + where + " in " + amount.currency() + ", but the account's other amounts in "
                    + currency);
        }
    }

    private static ConnectorCallException malformed(String message) {
        return new ConnectorCallException(CallFailure.MALFORMED_RESPONSE, message);
    }
}
