package ai.stratum.sandbox.meta;

import ai.stratum.sandbox.http.Json;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Writes an insights row as Meta does: every metric a string ({@code "spend":"437.29"},
 * {@code "impressions":"45379"}), {@code actions} and {@code action_values} lists of
 * {@code {action_type, value}} leaving out types with nothing to report (and the whole list when it
 * is empty), {@code date_start} and {@code date_stop} always, last.
 *
 * <p>A purchase is reported as Meta reports a website purchase: under {@code omni_purchase},
 * {@code purchase} and {@code offsite_conversion.fb_pixel_purchase} alike, the same count in
 * {@code actions} and the same value in {@code action_values} (and {@code purchase_roas} on
 * {@code omni_purchase}), so a client that adds the types up counts each sale three times. Next to
 * them stand the engagement and add-to-cart actions a purchase funnel has, derived from the clicks
 * (link clicks 70 %, landing-page views 80 % of those, engagement 105 %) and the purchases (three
 * adds to cart each, worth 2.5 times the purchase value).
 */
final class InsightsRenderer {

    static final String[] PURCHASE_TYPES = {"offsite_conversion.fb_pixel_purchase", "purchase", "omni_purchase"};
    private static final String[] ADD_TO_CART_TYPES =
            {"offsite_conversion.fb_pixel_add_to_cart", "add_to_cart", "omni_add_to_cart"};
    private static final Set<String> DAYS = Set.of("date_start", "date_stop");

    private InsightsRenderer() {
    }

    /** @throws GraphException Meta's error for a field insights do not have */
    static ObjectNode row(SimulatedAccount account, InsightsRows.Row row, String level, Fields fields) {
        ObjectNode node = Json.object();
        String currency = account.currency();
        for (String field : fields.names()) {
            if (DAYS.contains(field)) {
                continue;
            }
            switch (field) {
                case "account_id" -> node.put(field, Nodes.accountDigits(account));
                case "account_name" -> node.put(field, account.name());
                case "account_currency" -> node.put(field, currency);
                case "campaign_id", "campaign_name", "adset_id", "adset_name", "objective" ->
                        row.campaign().map(campaign -> entityField(campaign, field, level))
                                .ifPresent(value -> node.put(field, value));
                case "spend" -> node.put(field, MetaUnits.decimal(row.spendMicros(), currency));
                case "impressions" -> node.put(field, Long.toString(row.impressions()));
                case "clicks" -> node.put(field, Long.toString(row.clicks()));
                case "ctr" -> ratio(node, field, BigDecimal.valueOf(row.clicks() * 100), row.impressions());
                case "cpc" -> ratio(node, field, BigDecimal.valueOf(row.spendMicros(), 6), row.clicks());
                case "cpm" -> ratio(node, field, BigDecimal.valueOf(row.spendMicros(), 3), row.impressions());
                case "actions" -> actions(node, row);
                case "action_values" -> actionValues(node, row, currency);
                case "purchase_roas" -> {
                    if (row.revenueMicros() > 0 && row.spendMicros() > 0) {
                        node.putArray(field).addObject().put("action_type", "omni_purchase").put("value", MetaUnits.ratio(
                                BigDecimal.valueOf(row.revenueMicros()), BigDecimal.valueOf(row.spendMicros())));
                    }
                }
                default -> throw GraphErrors.invalidParameter(field + " is not valid for fields param. please check "
                        + "https://developers.facebook.com/docs/marketing-api/reference/ads-insights/ for all valid values");
            }
        }
        return node.put("date_start", row.since().toString()).put("date_stop", row.until().toString());
    }

    /** @return the field of the row's campaign or ad set; null for ad set fields of a campaign-level row */
    private static String entityField(SimulatedCampaign campaign, String field, String level) {
        return switch (field) {
            case "campaign_id" -> campaign.id();
            case "campaign_name" -> campaign.profile().name();
            case "objective" -> MetaUnits.objective(campaign.profile().objective());
            case "adset_id" -> level.equals("adset") ? campaign.profile().adSetId() : null;
            default -> level.equals("adset") ? CampaignNodes.adSetName(campaign) : null;
        };
    }

    private static void ratio(ObjectNode node, String field, BigDecimal numerator, long denominator) {
        if (denominator > 0) {
            node.put(field, MetaUnits.ratio(numerator, BigDecimal.valueOf(denominator)));
        }
    }

    private static void actions(ObjectNode node, InsightsRows.Row row) {
        long engagement = row.clicks() + row.clicks() / 20;
        long linkClicks = row.clicks() * 7 / 10;
        ArrayNode actions = Json.array();
        add(actions, "post_engagement", engagement);
        add(actions, "page_engagement", engagement);
        add(actions, "link_click", linkClicks);
        add(actions, "landing_page_view", linkClicks * 4 / 5);
        for (String type : ADD_TO_CART_TYPES) {
            add(actions, type, row.purchases() * 3);
        }
        for (String type : PURCHASE_TYPES) {
            add(actions, type, row.purchases());
        }
        if (!actions.isEmpty()) {
            node.set("actions", actions);
        }
    }

    private static void actionValues(ObjectNode node, InsightsRows.Row row, String currency) {
        ArrayNode values = Json.array();
        long cartValue = row.revenueMicros() / 10_000 * 5 / 2 * 10_000;
        for (String type : ADD_TO_CART_TYPES) {
            addValue(values, type, cartValue, currency);
        }
        for (String type : PURCHASE_TYPES) {
            addValue(values, type, row.revenueMicros(), currency);
        }
        if (!values.isEmpty()) {
            node.set("action_values", values);
        }
    }

    private static void add(ArrayNode actions, String type, long count) {
        if (count > 0) {
            actions.addObject().put("action_type", type).put("value", Long.toString(count));
        }
    }

    private static void addValue(ArrayNode values, String type, long micros, String currency) {
        if (micros > 0) {
            values.addObject().put("action_type", type).put("value", MetaUnits.decimal(micros, currency));
        }
    }
}
