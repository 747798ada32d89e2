package ai.stratum.sandbox.google;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.google.CompiledQuery.Days;
import ai.stratum.sandbox.platform.Audiences;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.Objective;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rows of a resource as Google Ads holds them, keyed by GAQL field name, before filtering:
 * the customer's settings joined to each row; a campaign with its own DAILY budget
 * ({@code campaign_budget.*}); an ad group per campaign (the simulation's ad set, with its CPC
 * bid); the account's Customer Match lists. Statuses are Google's words (ENABLED, PAUSED,
 * REMOVED); the objective is {@code advertising_channel_type}: SALES is PERFORMANCE_MAX, TRAFFIC
 * SEARCH and AWARENESS DISPLAY.
 *
 * <p>Report rows ({@link ReportMetrics}) come from the simulation's daily outcomes: one per
 * campaign and day with delivery when {@code segments.date} is selected, else one per campaign
 * summed over the days (all history when no day is named). {@code FROM customer} sums the
 * campaigns. Rows whose metrics are all zero are left out, as Google's reports do.
 */
final class GoogleRows {

    private GoogleRows() {
    }

    static List<Map<String, Object>> rows(GoogleCall call, CompiledQuery query) {
        Map<String, Object> customer = customer(call);
        SimulatedAccount account = call.account();
        List<Map<String, Object>> rows = new ArrayList<>();
        switch (query.from()) {
            case "customer" -> {
                if (!query.reports()) {
                    rows.add(customer);
                } else {
                    Days days = days(query, account);
                    rows.addAll(report(customer, account.report(days.from(), days.to()), query));
                }
            }
            case "campaign" -> {
                Days days = query.reports() ? days(query, account) : null;
                for (SimulatedCampaign campaign : account.campaigns()) {
                    Map<String, Object> row = new LinkedHashMap<>(customer);
                    row.putAll(campaign(call, campaign));
                    rows.addAll(days == null ? List.of(row) : report(row, account.report(campaign.id(), days.from(), days.to()), query));
                }
            }
            case "ad_group" -> account.campaigns().forEach(campaign -> {
                Map<String, Object> row = new LinkedHashMap<>(customer);
                row.putAll(campaign(call, campaign));
                row.putAll(adGroup(call, campaign));
                rows.add(row);
            });
            case "user_list" -> userLists(call).forEach(list -> {
                Map<String, Object> row = new LinkedHashMap<>(customer);
                row.putAll(list);
                rows.add(row);
            });
            default -> throw new IllegalStateException("uncompiled resource " + query.from());
        }
        return rows;
    }

    static Map<String, Object> customer(GoogleCall call) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customer.resource_name", GoogleIds.customer(call.customerId()));
        row.put("customer.id", Long.parseLong(call.customerId()));
        row.put("customer.descriptive_name", call.account().name());
        row.put("customer.currency_code", call.account().currency());
        row.put("customer.time_zone", call.account().zone().getId());
        row.put("customer.manager", false);
        row.put("customer.test_account", false);
        row.put("customer.status", "ENABLED");
        return row;
    }

    static Map<String, Object> campaign(GoogleCall call, SimulatedCampaign campaign) {
        String budget = GoogleIds.resource(call.customerId(), "campaignBudgets", GoogleIds.budgetId(campaign.id()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("campaign.resource_name", GoogleIds.resource(call.customerId(), "campaigns", campaign.id()));
        row.put("campaign.id", Long.parseLong(campaign.id()));
        row.put("campaign.name", campaign.profile().name());
        row.put("campaign.status", status(campaign.status()));
        row.put("campaign.advertising_channel_type", channel(campaign.profile().objective()));
        row.put("campaign.campaign_budget", budget);
        row.put("campaign_budget.resource_name", budget);
        row.put("campaign_budget.id", Long.parseLong(GoogleIds.budgetId(campaign.id())));
        row.put("campaign_budget.name", campaign.profile().name() + " budget");
        row.put("campaign_budget.period", "DAILY");
        row.put("campaign_budget.amount_micros", campaign.dailyBudgetMicros());
        row.put("campaign_budget.explicitly_shared", false);
        row.put("campaign_budget.status", "ENABLED");
        row.put("campaign_budget.delivery_method", "STANDARD");
        row.put("campaign_budget.type", "STANDARD");
        return row;
    }

    static Map<String, Object> adGroup(GoogleCall call, SimulatedCampaign campaign) {
        String id = campaign.profile().adSetId();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ad_group.resource_name", GoogleIds.resource(call.customerId(), "adGroups", id));
        row.put("ad_group.id", Long.parseLong(id));
        row.put("ad_group.name", campaign.profile().name() + " - ad group");
        row.put("ad_group.status", campaign.status() == EntityStatus.DELETED ? "REMOVED" : call.google().adGroupStatus(id));
        row.put("ad_group.campaign", GoogleIds.resource(call.customerId(), "campaigns", campaign.id()));
        row.put("ad_group.cpc_bid_micros", campaign.bidMicros());
        row.put("ad_group.type", "SEARCH_STANDARD");
        return row;
    }

    /**
     * The account's Customer Match lists. Sizes are exact here, where Google rounds them and hides
     * small ones: both sizes are the matched members, and the match rate is matched × 100 / members,
     * not set while the list is empty.
     */
    static List<Map<String, Object>> userLists(GoogleCall call) {
        Audiences audiences = call.state().audiences();
        return audiences.ids().stream().map(audiences::find).flatMap(Optional::stream)
                .filter(list -> list.accountId().equals(call.account().accountId()))
                .sorted(Comparator.comparing(list -> Long.parseLong(list.id())))
                .map(list -> {
                    GoogleState.UserListSettings settings = call.google().userList(list.id());
                    long members = audiences.members(list.id()).size();
                    long matched = audiences.matched(list.id());
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("user_list.resource_name", GoogleIds.resource(call.customerId(), "userLists", list.id()));
                    row.put("user_list.id", Long.parseLong(list.id()));
                    row.put("user_list.name", list.name());
                    row.put("user_list.description", settings.description());
                    row.put("user_list.type", "CRM_BASED");
                    row.put("user_list.membership_status", "OPEN");
                    row.put("user_list.membership_life_span", settings.membershipLifeSpan());
                    row.put("user_list.size_for_search", matched);
                    row.put("user_list.size_for_display", matched);
                    row.put("user_list.match_rate_percentage", members == 0 ? null : matched * 100 / members);
                    return row;
                }).toList();
    }

    static String status(EntityStatus status) {
        return switch (status) {
            case ACTIVE -> "ENABLED";
            case PAUSED -> "PAUSED";
            case DELETED, ARCHIVED -> "REMOVED";
        };
    }

    static String channel(Objective objective) {
        return switch (objective) {
            case SALES -> "PERFORMANCE_MAX";
            case TRAFFIC -> "SEARCH";
            case AWARENESS -> "DISPLAY";
        };
    }

    private static List<Map<String, Object>> report(Map<String, Object> base, List<DayOutcome> outcomes, CompiledQuery query) {
        Map<LocalDate, ReportMetrics> byDay = new TreeMap<>();
        ReportMetrics total = new ReportMetrics();
        for (DayOutcome outcome : outcomes) {
            byDay.computeIfAbsent(outcome.date(), day -> new ReportMetrics()).add(outcome);
            total.add(outcome);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (query.selects("segments.date")) {
            byDay.forEach((day, metrics) -> rows.add(row(base, day, metrics)));
        } else if (!total.isZero()) {
            rows.add(row(base, null, total));
        }
        return rows;
    }

    private static Map<String, Object> row(Map<String, Object> base, LocalDate day, ReportMetrics metrics) {
        Map<String, Object> row = new LinkedHashMap<>(base);
        if (day != null) {
            row.put("segments.date", day);
        }
        row.putAll(metrics.fields());
        return row;
    }

    private static Days days(CompiledQuery query, SimulatedAccount account) {
        return query.days().orElseGet(() -> new Days(account.campaigns().stream()
                .map(campaign -> campaign.profile().startDate()).min(LocalDate::compareTo).orElse(account.today()),
                account.today()));
    }
}
