package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.analytics.PerformanceDimension;
import ai.stratum.server.analytics.PerformanceQuery;
import ai.stratum.server.analytics.PerformanceRow;
import ai.stratum.server.analytics.PerformanceService;
import ai.stratum.server.database.Database;
import ai.stratum.server.ml.cache.CacheLifetime;
import ai.stratum.server.ml.cache.CachedOperation;
import ai.stratum.server.ml.cache.MlCache;
import ai.stratum.server.ml.forecast.DailyAmounts;
import ai.stratum.server.ml.forecast.Forecaster;
import ai.stratum.server.ml.forecast.PerformanceForecast;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.Tenant;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code forecast}: a campaign's or a platform's spend, revenue and ROAS for the coming days, today
 * first, from the {@value #HISTORY_DAYS} days up to yesterday ({@link Forecaster}). A campaign is
 * forecast in its own currency from {@code campaign_daily_performance}; a platform in the tenant's
 * currency from unified performance (so its campaigns' currencies are converted day by day, and a
 * missing exchange rate answers CONFLICT as {@code performance} does). Cached for the ROAS lifetime
 * until the tenant's data changes.
 */
@Singleton
public class ForecastService {

    static final int HISTORY_DAYS = 120;
    static final CachedOperation OPERATION = CachedOperation.fromTenantData("forecast", Forecaster.METHOD, CacheLifetime.ROAS);

    private final Database database;
    private final TenantCalendar calendar;
    private final CampaignLookup campaigns;
    private final CampaignHistoryRepository history;
    private final PerformanceService performance;
    private final MlCache cache;
    private final MlComputation computation;
    private final Forecaster forecaster = new Forecaster();
    private final Clock clock;

    ForecastService(Database database, TenantCalendar calendar, CampaignLookup campaigns, CampaignHistoryRepository history,
                    PerformanceService performance, MlCache cache, MlComputation computation, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.campaigns = campaigns;
        this.history = history;
        this.performance = performance;
        this.cache = cache;
        this.computation = computation;
        this.clock = clock;
    }

    Mono<ForecastView> forecast(Caller caller, ForecastRequest request) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return tenant(tenant).flatMap(found -> {
            LocalDate today = today(found);
            return cache.get(OPERATION, tenant, Map.of("request", request, "today", today), Argument.of(ForecastView.class),
                    () -> compute(found, request, today));
        });
    }

    /** The forecast without the cache, for the daily job. */
    Mono<ForecastView> compute(Tenant tenant, ForecastRequest request, LocalDate today) {
        LocalDate from = today.minusDays(HISTORY_DAYS);
        LocalDate to = today.minusDays(1);
        LocalDate settledThrough = today.minusDays(Forecaster.REVENUE_SETTLING_DAYS + 1L);
        Mono<Series> series = request.level() == ForecastLevel.CAMPAIGN
                ? campaignSeries(tenant.id(), request, from, to)
                : platformSeries(tenant, request.platform().orElseThrow(), from, to);
        return series.flatMap(loaded -> computation.run(() -> ForecastView.of(request.level(), loaded.platform(),
                request.campaignId().orElse(null), loaded.currency(), forecast(request, loaded, settledThrough, today),
                settledThrough, clock.instant())));
    }

    private PerformanceForecast forecast(ForecastRequest request, Series series, LocalDate settledThrough, LocalDate today) {
        try {
            return forecaster.forecast(series.days(), settledThrough, today, request.days());
        } catch (InvalidMlInputException e) {
            if (!e.field().startsWith("history")) {
                throw e;
            }
            // the history is not the caller's input: the campaign or platform it belongs to is
            String subject = request.level() == ForecastLevel.CAMPAIGN
                    ? "campaign '" + request.campaignId().orElseThrow() + "' on " + series.platform() : series.platform().toString();
            throw new InvalidMlInputException(request.level() == ForecastLevel.CAMPAIGN ? "campaignId" : "platform",
                    subject + " cannot be forecast: its history " + e.getMessage().substring(e.field().length() + 2));
        }
    }

    Mono<Tenant> tenant(TenantId tenant) {
        return calendar.tenant(tenant);
    }

    LocalDate today(Tenant tenant) {
        return calendar.today(tenant);
    }

    private Mono<Series> campaignSeries(TenantId tenant, ForecastRequest request, LocalDate from, LocalDate to) {
        String campaignId = request.campaignId().orElseThrow();
        return database.inTenantOne(tenant, connection -> campaigns.platformOf(connection, tenant, campaignId, request.platform())
                .flatMap(platform -> history.days(connection, tenant, platform, campaignId, from, to).collectList()
                        .map(rows -> {
                            // a campaign whose account changed currency: its newest currency's days, never a mix
                            String currency = rows.isEmpty() ? "" : rows.get(rows.size() - 1).currency();
                            Map<LocalDate, DailyAmounts> days = new TreeMap<>();
                            rows.stream().filter(row -> row.currency().equals(currency))
                                    .forEach(row -> days.put(row.date(), row.amounts()));
                            return new Series(platform, currency, everyDay(days, from, to));
                        })));
    }

    private Mono<Series> platformSeries(Tenant tenant, Platform platform, LocalDate from, LocalDate to) {
        PerformanceQuery query = new PerformanceQuery(from, to, List.of(platform), List.of(PerformanceDimension.DATE));
        return performance.rows(tenant.id(), query).map(rows -> {
            if (rows.isEmpty()) {
                throw new InvalidMlInputException("platform", "this tenant has no results on " + platform + " from " + from + " to " + to);
            }
            Map<LocalDate, DailyAmounts> days = new TreeMap<>();
            for (PerformanceRow row : rows) {
                LocalDate date = row.date().orElseThrow();
                days.put(date, new DailyAmounts(date, row.spendMicros() / 1e6, row.revenueMicros() / 1e6));
            }
            return new Series(platform, tenant.currency(), everyDay(days, from, to));
        });
    }

    /** One entry per day; a day without a row had no delivery. */
    private static List<DailyAmounts> everyDay(Map<LocalDate, DailyAmounts> days, LocalDate from, LocalDate to) {
        List<DailyAmounts> all = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            all.add(days.getOrDefault(day, new DailyAmounts(day, 0, 0)));
        }
        return all;
    }

    private record Series(Platform platform, String currency, List<DailyAmounts> days) {
    }
}
