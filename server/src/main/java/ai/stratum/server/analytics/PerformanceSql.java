package ai.stratum.server.analytics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one grouped statement behind {@code performance}. Parameters: $1 tenant, $2 platforms
 * (text[]), $3 first day, $4 last day, $5 the tenant's currency.
 *
 * <p>It reads the days in range through the (tenant_id, platform, date) index, looks up one rate
 * per currency and day that needs converting (that day's rate or the newest earlier one, either
 * direction of the pair, the direct one when both are as new), converts each day's amounts to
 * whole micro-units of the tenant's currency, and adds them up per group and rate. Converting
 * and rounding each day before adding keeps every grouping consistent: the rows of any grouping
 * add up to exactly the ungrouped totals.
 */
final class PerformanceSql {

    private static final String SOURCE = """
            WITH perf AS (
                SELECT p.platform, c.account_id, p.campaign_id, c.name AS campaign_name, p.date, p.currency,
                       p.spend_micros, p.revenue_micros, p.impressions, p.clicks, p.conversions
                FROM campaign_daily_performance p
                LEFT JOIN campaigns c ON c.tenant_id = p.tenant_id AND c.platform = p.platform AND c.campaign_id = p.campaign_id
                WHERE p.tenant_id = $1 AND p.platform = ANY($2) AND p.date BETWEEN $3 AND $4
            ), fx AS (
                SELECT needed.currency, needed.date, best.base_currency, best.quote_currency, best.rate, best.rate_date, best.source
                FROM (SELECT DISTINCT currency, date FROM perf WHERE currency <> $5) needed
                LEFT JOIN LATERAL (
                    SELECT * FROM (
                        (SELECT base_currency, quote_currency, rate, date AS rate_date, source, 0 AS preference FROM fx_rates
                         WHERE base_currency = needed.currency AND quote_currency = $5 AND date <= needed.date
                         ORDER BY date DESC LIMIT 1)
                        UNION ALL
                        (SELECT base_currency, quote_currency, rate, date AS rate_date, source, 1 AS preference FROM fx_rates
                         WHERE base_currency = $5 AND quote_currency = needed.currency AND date <= needed.date
                         ORDER BY date DESC LIMIT 1)
                    ) candidates
                    ORDER BY rate_date DESC, preference
                    LIMIT 1
                ) best ON true
            ), converted AS (
                SELECT perf.platform, perf.account_id, perf.campaign_id, perf.campaign_name, perf.date,
                       perf.impressions, perf.clicks, perf.conversions,
                       fx.base_currency, fx.quote_currency, fx.rate, fx.rate_date, fx.source,
                       CASE WHEN perf.currency <> $5 AND fx.rate IS NULL THEN perf.currency END AS missing_currency,
                       CASE WHEN perf.currency = $5 THEN perf.spend_micros
                            WHEN fx.base_currency = perf.currency THEN round(perf.spend_micros * fx.rate)::bigint
                            ELSE round(perf.spend_micros / fx.rate)::bigint END AS spend_micros,
                       CASE WHEN perf.currency = $5 THEN perf.revenue_micros
                            WHEN fx.base_currency = perf.currency THEN round(perf.revenue_micros * fx.rate)::bigint
                            ELSE round(perf.revenue_micros / fx.rate)::bigint END AS revenue_micros
                FROM perf
                LEFT JOIN fx ON fx.currency = perf.currency AND fx.date = perf.date
            )
            SELECT %s,
                   base_currency, quote_currency, rate, rate_date, source, missing_currency,
                   coalesce(sum(spend_micros), 0)::bigint AS spend_micros,
                   coalesce(sum(revenue_micros), 0)::bigint AS revenue_micros,
                   sum(impressions)::bigint AS impressions,
                   sum(clicks)::bigint AS clicks,
                   sum(conversions) AS conversions,
                   min(date) AS first_day,
                   max(date) AS last_day
            FROM converted
            GROUP BY %s
            ORDER BY %s
            """;

    private static final String RATE_COLUMNS = "base_currency, quote_currency, rate, rate_date, source, missing_currency";

    private PerformanceSql() {
    }

    static String statement(PerformanceQuery query) {
        Set<String> grouping = new LinkedHashSet<>();
        Set<String> order = new LinkedHashSet<>();
        for (PerformanceDimension dimension : query.groupBy()) {
            grouping.addAll(columns(dimension));
            order.addAll(sortedBy(dimension));
        }
        List<String> groupBy = new ArrayList<>(grouping);
        groupBy.add(RATE_COLUMNS);
        List<String> orderBy = new ArrayList<>(order);
        orderBy.add("rate_date NULLS FIRST, base_currency, quote_currency, missing_currency");
        return SOURCE.formatted(selected(query), String.join(", ", groupBy), String.join(", ", orderBy));
    }

    private static String selected(PerformanceQuery query) {
        boolean platform = query.groupBy().stream().anyMatch(dimension -> dimension != PerformanceDimension.DATE);
        boolean account = query.groupedBy(PerformanceDimension.ACCOUNT) || query.groupedBy(PerformanceDimension.CAMPAIGN);
        boolean campaign = query.groupedBy(PerformanceDimension.CAMPAIGN);
        boolean date = query.groupedBy(PerformanceDimension.DATE);
        return String.join(", ",
                platform ? "platform" : "NULL::text AS platform",
                account ? "account_id" : "NULL::text AS account_id",
                campaign ? "campaign_id" : "NULL::text AS campaign_id",
                campaign ? "campaign_name" : "NULL::text AS campaign_name",
                date ? "date AS day" : "NULL::date AS day");
    }

    /** What a dimension groups by, including the levels above it and what depends on it alone. */
    private static List<String> columns(PerformanceDimension dimension) {
        return switch (dimension) {
            case PLATFORM -> List.of("platform");
            case ACCOUNT -> List.of("platform", "account_id");
            case CAMPAIGN -> List.of("platform", "account_id", "campaign_id", "campaign_name");
            case DATE -> List.of("date");
        };
    }

    private static List<String> sortedBy(PerformanceDimension dimension) {
        return switch (dimension) {
            case PLATFORM -> List.of("platform");
            case ACCOUNT -> List.of("platform", "account_id");
            case CAMPAIGN -> List.of("platform", "campaign_id");
            case DATE -> List.of("date");
        };
    }
}
