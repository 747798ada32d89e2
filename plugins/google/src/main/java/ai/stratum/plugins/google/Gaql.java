package ai.stratum.plugins.google;

import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.DateRange;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * The Google Ads Query Language queries this connector runs. Ids that go into a query are checked
 * to be numeric first, so no value can change a query's meaning.
 */
final class Gaql {

    /** The account's currency and time zone. */
    static final String ACCOUNT_SETTINGS = "SELECT customer.currency_code, customer.time_zone FROM customer";

    /** Every campaign, in any status, with its budget (campaign_budget is joined through campaign.campaign_budget). */
    static final String CAMPAIGNS = "SELECT campaign.id, campaign.name, campaign.status, "
            + "campaign.advertising_channel_type, campaign.campaign_budget, campaign_budget.period, "
            + "campaign_budget.amount_micros, campaign_budget.total_amount_micros, "
            + "campaign_budget.explicitly_shared FROM campaign ORDER BY campaign.id ASC";

    /** The campaigns that deliver now, which PAUSE_ALL pauses. */
    static final String ENABLED_CAMPAIGNS = "SELECT campaign.id, campaign.status FROM campaign "
            + "WHERE campaign.status = 'ENABLED' ORDER BY campaign.id ASC";

    private Gaql() {
    }

    /** @return daily campaign results of the days, one row per campaign and day with delivery or conversions */
    static String dailyPerformance(DateRange days) {
        return "SELECT campaign.id, campaign.name, campaign.status, segments.date, metrics.cost_micros, "
                + "metrics.impressions, metrics.clicks, metrics.conversions, metrics.conversions_value "
                + "FROM campaign WHERE segments.date BETWEEN '" + days.from() + "' AND '" + days.to() + "' "
                + "ORDER BY segments.date ASC";
    }

    /** @return the newest day in the range on which the account had impressions */
    static String newestDayWithImpressions(LocalDate from, LocalDate to) {
        return "SELECT segments.date, metrics.impressions FROM customer WHERE segments.date BETWEEN '" + from
                + "' AND '" + to + "' AND metrics.impressions > 0 ORDER BY segments.date DESC LIMIT 1";
    }

    /** @return the budget each of the campaigns uses */
    static String campaignBudgets(Collection<String> campaignIds) {
        return "SELECT campaign.id, campaign_budget.resource_name, campaign_budget.period, "
                + "campaign_budget.explicitly_shared FROM campaign WHERE campaign.id IN (" + idList(campaignIds) + ")";
    }

    /** @return the size and match rate of a Customer Match list */
    static String userListMatch(String userListId) {
        return "SELECT user_list.id, user_list.size_for_search, user_list.size_for_display, "
                + "user_list.match_rate_percentage FROM user_list WHERE user_list.id = " + numeric(userListId);
    }

    /**
     * @param id an entity id from a request
     * @return the id, when it is a Google numeric id
     * @throws ConnectorException rejected otherwise
     */
    static String numeric(String id) {
        if (!id.matches("[0-9]{1,20}")) {
            throw ConnectorException.rejected("not a Google Ads numeric id: " + id, null);
        }
        return id;
    }

    private static String idList(Collection<String> ids) {
        return ids.stream().map(Gaql::numeric).collect(Collectors.joining(", "));
    }
}
