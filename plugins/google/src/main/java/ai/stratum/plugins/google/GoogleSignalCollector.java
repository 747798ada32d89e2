package ai.stratum.plugins.google;

import ai.stratum.plugin.api.Campaign;
import ai.stratum.plugin.api.CampaignDailyPerformance;
import ai.stratum.plugin.api.ConnectorContext;
import ai.stratum.plugin.api.ConnectorException;
import ai.stratum.plugin.api.DateRange;
import ai.stratum.plugin.api.EventMatchQuality;
import ai.stratum.plugin.api.Page;
import ai.stratum.plugin.api.SignalCollector;
import org.pf4j.Extension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads a Google Ads account through {@code googleAds:searchStream} (GAQL, {@link Gaql}).
 *
 * <ul>
 *   <li>Campaigns: one query, one (last) page, since searchStream answers with every row.</li>
 *   <li>Daily performance: date chunks of {@link PerformanceChunks#DAYS_PER_PAGE} days, one query
 *       each; the conversion rule is {@link DailyPerformanceParser}'s.</li>
 *   <li>Money is in {@code customer.currency_code}, days in {@code customer.time_zone}
 *       ({@link AccountSettings}), read with each call.</li>
 *   <li>Event match quality: Google Ads has no such score (its closest, enhanced-conversions
 *       diagnostics, are not a 0–10 reading and not in the API), so the list is empty.</li>
 *   <li>Newest data: Google reports no data timestamp, so it is derived from the data: the end
 *       (next midnight, in the account's time zone) of the newest day with impressions in the last
 *       {@link #FRESHNESS_WINDOW_DAYS} days, capped at now, since today's day is still filling in.
 *       An account without impressions in that window has no newest data.</li>
 * </ul>
 */
@Extension
public class GoogleSignalCollector implements SignalCollector {

    /** How far back {@link #newestDataAt} looks for a day with impressions. */
    static final int FRESHNESS_WINDOW_DAYS = 90;

    @Override
    public String connectorId() {
        return GooglePlatformInfo.CONNECTOR_ID;
    }

    @Override
    public CompletionStage<Page<Campaign>> campaigns(ConnectorContext context, String accountId, String cursor) {
        return start(context, accountId, (client, customer) -> AccountSettings.read(client, customer)
                .thenCompose(settings -> client.search(customer, Gaql.CAMPAIGNS)
                        .thenApply(result -> Page.last(result.rows().stream()
                                .map(row -> CampaignParser.parse(row, settings.currency()))
                                .toList()))));
    }

    @Override
    public CompletionStage<Page<CampaignDailyPerformance>> dailyPerformance(
            ConnectorContext context, String accountId, DateRange range, String cursor) {
        DateRange chunk;
        try {
            chunk = PerformanceChunks.chunk(range, cursor);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(ConnectorException.rejected(e.getMessage(), null));
        }
        Optional<String> next = PerformanceChunks.nextCursor(range, chunk);
        return start(context, accountId, (client, customer) -> AccountSettings.read(client, customer)
                .thenCompose(settings -> client.search(customer, Gaql.dailyPerformance(chunk))
                        .thenApply(result -> {
                            List<CampaignDailyPerformance> rows = result.rows().stream()
                                    .map(row -> DailyPerformanceParser.parse(row, settings.currency()))
                                    .toList();
                            return next.map(cursorOfNext -> Page.of(rows, cursorOfNext)).orElseGet(() -> Page.last(rows));
                        })));
    }

    @Override
    public CompletionStage<List<EventMatchQuality>> eventMatchQuality(ConnectorContext context, String accountId) {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Optional<Instant>> newestDataAt(ConnectorContext context, String accountId) {
        return start(context, accountId, (client, customer) -> AccountSettings.read(client, customer)
                .thenCompose(settings -> {
                    Instant now = context.clock().instant();
                    LocalDate today = LocalDate.ofInstant(now, settings.timeZone());
                    String query = Gaql.newestDayWithImpressions(today.minusDays(FRESHNESS_WINDOW_DAYS - 1L), today);
                    return client.search(customer, query).thenApply(result -> result.rows().stream()
                            .map(row -> GoogleJson.requiredDate(row, "segments.date", "the newest-day row"))
                            .max(LocalDate::compareTo)
                            .map(day -> day.plusDays(1).atStartOfDay(settings.timeZone()).toInstant())
                            .map(end -> end.isAfter(now) ? now : end));
                }));
    }

    @Override
    public CompletionStage<Optional<ZoneId>> timeZone(ConnectorContext context, String accountId) {
        return start(context, accountId, (client, customer) -> AccountSettings.read(client, customer)
                .thenApply(settings -> Optional.of(settings.timeZone())));
    }

    private static <T> CompletionStage<T> start(ConnectorContext context, String accountId, Call<T> call) {
        try {
            return call.run(new GoogleAdsClient(context), CustomerId.of(accountId));
        } catch (ConnectorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        CompletionStage<T> run(GoogleAdsClient client, CustomerId customer);
    }
}
