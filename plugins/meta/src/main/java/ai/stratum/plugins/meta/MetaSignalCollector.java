package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.api.SignalCollector;
import ai.stratum.plugin.api.Telemetry;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import org.pf4j.Extension;

/**
 * Reads a Meta ad account: campaigns from {@code /act_{id}/campaigns}, daily campaign results from
 * {@code /act_{id}/insights} ({@link InsightsParser}, conversions by {@link PurchaseRule}), event
 * match quality from the Dataset Quality API for each of the account's datasets
 * ({@code /act_{id}/adspixels}), and freshness from the newest day with delivery
 * ({@link DeliveryFreshness}).
 *
 * <p>The first page of campaigns or insights reads the account's currency
 * ({@code /act_{id}?fields=currency,timezone_name}); the cursor carries it to the next pages.
 */
@Extension
public class MetaSignalCollector implements SignalCollector {

    static final int CAMPAIGN_PAGE_SIZE = 100;
    static final int INSIGHTS_PAGE_SIZE = 100;
    /**
     * Daily campaign rows per insights page: each page is a call of the sync, so fewer, larger pages make a
     * long date range quicker. A page Meta finds too large to compute (its data-per-call limit) is asked
     * for again at {@link #INSIGHTS_PAGE_SIZE}.
     */
    static final int DAILY_INSIGHTS_PAGE_SIZE = 500;
    private static final Map<String, String> DATASET_QUERY = orderedQuery("fields", "id,name", "limit", "100");

    @Override
    public String connectorId() {
        return MetaPlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<Page<Campaign>> campaigns(ConnectorContext context, String accountId, String cursor) {
        return Stages.defer(() -> {
            String account = GraphIds.adAccount(accountId);
            GraphUrls urls = GraphUrls.of(context);
            return page(context, account, cursor, (currency, after) -> {
                Map<String, String> query = new LinkedHashMap<>();
                query.put("fields", CampaignParser.FIELDS);
                query.put("limit", Integer.toString(CAMPAIGN_PAGE_SIZE));
                after.ifPresent(value -> query.put("after", value));
                return urls.api(account + "/campaigns", query);
            }, CampaignParser::parse, "campaigns");
        });
    }

    @Override
    public CompletionStage<Page<CampaignDailyPerformance>> dailyPerformance(ConnectorContext context,
            String accountId, DateRange range, String cursor) {
        return Stages.defer(() -> dailyPerformancePage(context, accountId, range, cursor, DAILY_INSIGHTS_PAGE_SIZE)
                .exceptionallyCompose(failure -> GraphErrors.isTooMuchData(failure)
                        ? dailyPerformancePage(context, accountId, range, cursor, INSIGHTS_PAGE_SIZE)
                        : CompletableFuture.failedStage(failure)));
    }

    private static CompletionStage<Page<CampaignDailyPerformance>> dailyPerformancePage(ConnectorContext context,
            String accountId, DateRange range, String cursor, int rows) {
        String account = GraphIds.adAccount(accountId);
        GraphUrls urls = GraphUrls.of(context);
        return page(context, account, cursor, (currency, after) -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("level", "campaign");
            query.put("time_increment", "1");
            query.put("time_range", timeRange(range.from(), range.to()));
            query.put("fields", InsightsParser.FIELDS);
            // counts conversions with each ad set's own attribution setting, as Ads Manager shows them
            query.put("use_unified_attribution_setting", "true");
            query.put("limit", Integer.toString(rows));
            after.ifPresent(value -> query.put("after", value));
            return urls.api(account + "/insights", query);
        }, InsightsParser::parse, "insights");
    }

    @Override
    public CompletionStage<List<EventMatchQuality>> eventMatchQuality(ConnectorContext context, String accountId) {
        return Stages.defer(() -> {
            String account = GraphIds.adAccount(accountId);
            GraphUrls urls = GraphUrls.of(context);
            GraphClient client = GraphClient.api(context);
            return GraphPaging.all(client, after -> urls.api(account + "/adspixels",
                            pageQuery(DATASET_QUERY, after)), "the ad account's datasets")
                    .thenCompose(pages -> {
                        List<String> datasets = new ArrayList<>();
                        pages.forEach(page -> datasets.addAll(DatasetQualityParser.datasetIds(page.json())));
                        return readings(client, urls, context, datasets, 0, new ArrayList<>());
                    });
        });
    }

    @Override
    public CompletionStage<Optional<Instant>> newestDataAt(ConnectorContext context, String accountId) {
        return Stages.defer(() -> {
            String account = GraphIds.adAccount(accountId);
            GraphUrls urls = GraphUrls.of(context);
            GraphClient client = GraphClient.api(context);
            return AdAccount.fetch(client, urls, account).thenCompose(settings -> {
                LocalDate today = LocalDate.now(context.clock().withZone(settings.zone()));
                Map<String, String> query = new LinkedHashMap<>();
                query.put("level", "account");
                query.put("time_increment", "1");
                query.put("time_range", timeRange(today.minusDays(DeliveryFreshness.LOOKBACK_DAYS - 1), today));
                query.put("fields", DeliveryFreshness.FIELDS);
                query.put("limit", Integer.toString(INSIGHTS_PAGE_SIZE));
                return GraphPaging.all(client, after -> urls.api(account + "/insights", pageQuery(query, after)),
                                "the account insights")
                        .thenApply(pages -> DeliveryFreshness.newestDataAt(pages, settings.zone(),
                                context.clock().instant()));
            });
        });
    }

    @Override
    public CompletionStage<Optional<ZoneId>> timeZone(ConnectorContext context, String accountId) {
        return Stages.defer(() -> AdAccount.fetch(GraphClient.api(context), GraphUrls.of(context),
                        GraphIds.adAccount(accountId))
                .thenApply(settings -> Optional.of(settings.zone())));
    }

    private static <T> CompletionStage<Page<T>> page(ConnectorContext context, String account, String cursor,
            BiFunction<String, Optional<String>, URI> pageUrl, BiFunction<JsonNode, String, List<T>> parser,
            String what) {
        GraphClient client = GraphClient.api(context);
        Optional<PageCursor> resume = Optional.ofNullable(cursor).map(PageCursor::decode);
        CompletionStage<String> currency = resume.isPresent()
                ? CompletableFuture.completedStage(resume.get().currency())
                : AdAccount.fetch(client, GraphUrls.of(context), account).thenApply(AdAccount::currency);
        Optional<String> after = resume.map(PageCursor::after);
        return currency.thenCompose(accountCurrency -> client.get(pageUrl.apply(accountCurrency, after))
                .thenApply(response -> {
                    List<T> items = parser.apply(response.json(), accountCurrency);
                    Optional<String> next = GraphPaging.nextAfter(response.json(), "the " + what + " page");
                    context.telemetry().log(Telemetry.Level.DEBUG, what + ".page_fetched",
                            Map.of("account", account, "rows", Integer.toString(items.size()),
                                    "last_page", Boolean.toString(next.isEmpty())));
                    context.telemetry().count(what + ".rows", items.size(), Map.of());
                    return next.map(value -> Page.of(items, new PageCursor(accountCurrency, value).encode()))
                            .orElseGet(() -> Page.last(items));
                }));
    }

    private CompletionStage<List<EventMatchQuality>> readings(GraphClient client, GraphUrls urls,
            ConnectorContext context, List<String> datasets, int index, List<EventMatchQuality> readings) {
        if (index == datasets.size()) {
            return CompletableFuture.completedStage(List.copyOf(readings));
        }
        String dataset = datasets.get(index);
        URI uri = urls.api("dataset_quality", Map.of("dataset_id", dataset, "fields", DatasetQualityParser.FIELDS));
        return client.get(uri).thenCompose(response -> {
            readings.addAll(DatasetQualityParser.parse(response.json(), dataset, context.clock().instant()));
            return readings(client, urls, context, datasets, index + 1, readings);
        });
    }

    private static Map<String, String> pageQuery(Map<String, String> query, String after) {
        Map<String, String> page = new LinkedHashMap<>(query);
        if (after != null) {
            page.put("after", after);
        }
        return page;
    }

    private static Map<String, String> orderedQuery(String... namesAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            query.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return query;
    }

    /** @return Meta's {@code time_range} JSON, {@code {"since":"2026-09-01","until":"2026-09-14"}} */
    static String timeRange(LocalDate since, LocalDate until) {
        return JsonFields.MAPPER.createObjectNode()
                .put("since", since.toString())
                .put("until", until.toString())
                .toString();
    }
}
