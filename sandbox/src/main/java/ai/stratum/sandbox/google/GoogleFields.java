package ai.stratum.sandbox.google;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The GAQL fields the emulator serves, with their types as the Google Ads API declares them, and
 * which resources may be queried with which. A field of Google's that is not here answers
 * {@code UNRECOGNIZED_FIELD}, as an unknown field does on Google.
 *
 * <p>Resources: {@code customer}, {@code campaign} (with its {@code campaign_budget}),
 * {@code ad_group} and {@code user_list}; {@code metrics.*} and {@code segments.date} go with
 * {@code customer} and {@code campaign}.
 */
final class GoogleFields {

    /** How a field's value is typed and written in JSON (proto3 mapping: int64 as a string). */
    enum Kind { INT64, INT32, DOUBLE, STRING, ENUM, BOOL, DATE, RESOURCE_NAME }

    /**
     * A field.
     *
     * @param name       its GAQL name
     * @param kind       its type
     * @param enumValues the values of an ENUM field
     */
    record Field(String name, Kind kind, Set<String> enumValues) {

        /** @return the resource it belongs to: the part before the last dot */
        String resource() {
            return name.substring(0, name.lastIndexOf('.'));
        }

        boolean isMetric() {
            return name.startsWith("metrics.");
        }

        boolean isSegment() {
            return name.startsWith("segments.");
        }
    }

    /** The resources the emulator answers queries on, each with the resources whose fields it may select. */
    static final Map<String, Set<String>> RESOURCES = Map.of(
            "customer", Set.of("customer", "metrics", "segments"),
            "campaign", Set.of("campaign", "campaign_budget", "customer", "metrics", "segments"),
            "ad_group", Set.of("ad_group", "campaign", "customer"),
            "user_list", Set.of("user_list", "customer"));

    private static final Set<String> STATUS = Set.of("UNSPECIFIED", "UNKNOWN", "ENABLED", "PAUSED", "REMOVED");
    private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

    static {
        add("customer.resource_name", Kind.RESOURCE_NAME);
        add("customer.id", Kind.INT64);
        add("customer.descriptive_name", Kind.STRING);
        add("customer.currency_code", Kind.STRING);
        add("customer.time_zone", Kind.STRING);
        add("customer.manager", Kind.BOOL);
        add("customer.test_account", Kind.BOOL);
        add("customer.status", Set.of("UNSPECIFIED", "UNKNOWN", "ENABLED", "CANCELED", "SUSPENDED", "CLOSED"));
        add("campaign.resource_name", Kind.RESOURCE_NAME);
        add("campaign.id", Kind.INT64);
        add("campaign.name", Kind.STRING);
        add("campaign.status", STATUS);
        add("campaign.advertising_channel_type", Set.of("UNSPECIFIED", "UNKNOWN", "SEARCH", "DISPLAY", "SHOPPING",
                "HOTEL", "VIDEO", "MULTI_CHANNEL", "LOCAL", "SMART", "PERFORMANCE_MAX", "LOCAL_SERVICES", "TRAVEL",
                "DEMAND_GEN"));
        add("campaign.campaign_budget", Kind.RESOURCE_NAME);
        add("campaign_budget.resource_name", Kind.RESOURCE_NAME);
        add("campaign_budget.id", Kind.INT64);
        add("campaign_budget.name", Kind.STRING);
        add("campaign_budget.period", Set.of("UNSPECIFIED", "UNKNOWN", "DAILY", "CUSTOM_PERIOD"));
        add("campaign_budget.amount_micros", Kind.INT64);
        add("campaign_budget.total_amount_micros", Kind.INT64);
        add("campaign_budget.explicitly_shared", Kind.BOOL);
        add("campaign_budget.status", Set.of("UNSPECIFIED", "UNKNOWN", "ENABLED", "REMOVED"));
        add("campaign_budget.delivery_method", Set.of("UNSPECIFIED", "UNKNOWN", "STANDARD", "ACCELERATED"));
        add("campaign_budget.type", Set.of("UNSPECIFIED", "UNKNOWN", "STANDARD", "FIXED_CPA", "SMART_CAMPAIGN",
                "LOCAL_SERVICES"));
        add("ad_group.resource_name", Kind.RESOURCE_NAME);
        add("ad_group.id", Kind.INT64);
        add("ad_group.name", Kind.STRING);
        add("ad_group.status", STATUS);
        add("ad_group.campaign", Kind.RESOURCE_NAME);
        add("ad_group.cpc_bid_micros", Kind.INT64);
        add("ad_group.type", Set.of("UNSPECIFIED", "UNKNOWN", "SEARCH_STANDARD", "DISPLAY_STANDARD"));
        add("user_list.resource_name", Kind.RESOURCE_NAME);
        add("user_list.id", Kind.INT64);
        add("user_list.name", Kind.STRING);
        add("user_list.description", Kind.STRING);
        add("user_list.type", Set.of("UNSPECIFIED", "UNKNOWN", "REMARKETING", "LOGICAL", "EXTERNAL_REMARKETING",
                "RULE_BASED", "SIMILAR", "CRM_BASED", "LOOKALIKE"));
        add("user_list.membership_status", Set.of("UNSPECIFIED", "UNKNOWN", "OPEN", "CLOSED"));
        add("user_list.membership_life_span", Kind.INT64);
        add("user_list.size_for_search", Kind.INT64);
        add("user_list.size_for_display", Kind.INT64);
        add("user_list.match_rate_percentage", Kind.INT32);
        add("segments.date", Kind.DATE);
        add("metrics.cost_micros", Kind.INT64);
        add("metrics.impressions", Kind.INT64);
        add("metrics.clicks", Kind.INT64);
        add("metrics.conversions", Kind.DOUBLE);
        add("metrics.conversions_value", Kind.DOUBLE);
        add("metrics.all_conversions", Kind.DOUBLE);
        add("metrics.all_conversions_value", Kind.DOUBLE);
    }

    private GoogleFields() {
    }

    private static void add(String name, Kind kind) {
        FIELDS.put(name, new Field(name, kind, Set.of()));
    }

    private static void add(String name, Set<String> enumValues) {
        FIELDS.put(name, new Field(name, Kind.ENUM, enumValues));
    }

    static Optional<Field> find(String name) {
        return Optional.ofNullable(FIELDS.get(name));
    }

    /** @return every field of the resource, in catalogue order (a mutate's MUTABLE_RESOURCE answer shows them all) */
    static List<Field> of(String resource) {
        return FIELDS.values().stream().filter(field -> field.resource().equals(resource)).toList();
    }
}
