package ai.stratum.server.ml;

import ai.stratum.server.database.Database;
import ai.stratum.server.ml.models.PredictionService;
import ai.stratum.server.ml.roas.CampaignDay;
import ai.stratum.server.ml.roas.CampaignHistory;
import ai.stratum.server.ml.roas.CampaignHistoryFeatures;
import ai.stratum.server.ml.roas.RoasFeatures;
import ai.stratum.server.tenancy.TenantId;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seed 001's {@code run_all_tenant_predictions}, the half-hourly live ROAS predictions: for every campaign of
 * the tenant with spend in the last {@value #ACTIVE_DAYS} days, today's ROAS from the seed's eleven features
 * as its stored daily performance gives them ({@link CampaignHistoryFeatures#featuresFor}: the 7- and 30-day
 * windows before today; audience size and creative fatigue unknown), through the configured prediction
 * provider, stored in {@code ml_roas_predictions} ({@code roasPredictions} reads them). Predictions older than
 * {@value #KEEP_DAYS} days are dropped.
 *
 * <p>Each campaign is an item of its own batch ({@code stratum.ml.batch.items}, job {@value #NAME}): one whose
 * prediction fails is logged and counted and the others go on; one without the 30 days of history the
 * features need is skipped.
 */
@Singleton
class LiveRoasPredictions implements LivePredictionTask {

    static final String NAME = "roas-predictions";
    static final int ACTIVE_DAYS = 14;
    static final int KEEP_DAYS = 30;

    private final Database database;
    private final TenantCalendar calendar;
    private final CampaignHistoryRepository history;
    private final RoasPredictionRepository stored;
    private final PredictionService predictions;
    private final MeterRegistry meters;
    private final Clock clock;

    LiveRoasPredictions(Database database, TenantCalendar calendar, CampaignHistoryRepository history, RoasPredictionRepository stored,
                        PredictionService predictions, MeterRegistry meters, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.history = history;
        this.stored = stored;
        this.predictions = predictions;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Mono<Void> run(TenantId tenant) {
        MlBatch batch = new MlBatch(NAME, meters);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return calendar.tenant(tenant).map(calendar::today).flatMap(today -> activeCampaigns(tenant, today)
                        .flatMap(campaigns -> batch.run(Flux.fromIterable(campaigns), campaign -> describe(tenant, campaign),
                                campaign -> predictAndStore(tenant, campaign, today, now)))
                        .then(database.inTenantOne(tenant, connection -> stored.deleteBefore(connection, tenant,
                                now.minus(Duration.ofDays(KEEP_DAYS))))))
                .then();
    }

    /** The histories of campaigns with spend lately: the days before today that the features read. */
    private Mono<List<CampaignHistory>> activeCampaigns(TenantId tenant, LocalDate today) {
        LocalDate from = today.minusDays(CampaignHistoryFeatures.HISTORY_DAYS + CampaignHistoryFeatures.RECENT_DAYS);
        LocalDate activeFrom = today.minusDays(ACTIVE_DAYS);
        return database.inTenant(tenant, connection -> history.allDays(connection, tenant, from, today.minusDays(1)))
                .bufferUntilChanged(row -> row.platform() + ":" + row.campaignId())
                .filter(rows -> rows.stream().anyMatch(row -> row.spendMicros() > 0 && !row.date().isBefore(activeFrom)))
                .map(rows -> {
                    List<CampaignDay> days = new ArrayList<>(rows.size());
                    rows.forEach(row -> days.add(CampaignDay.ofMicros(row.date(), row.spendMicros(), row.revenueMicros(), row.impressions(),
                            row.clicks(), row.conversions())));
                    return new CampaignHistory(rows.get(0).platform(), rows.get(0).campaignId(), days);
                })
                .collectList();
    }

    private Mono<Long> predictAndStore(TenantId tenant, CampaignHistory campaign, LocalDate today, Instant now) {
        Optional<RoasFeatures> features = CampaignHistoryFeatures.featuresFor(campaign, today);
        if (features.isEmpty()) {
            return Mono.error(new InvalidMlInputException("campaignId", "needs " + CampaignHistoryFeatures.HISTORY_DAYS
                    + " days of history with spend in the last " + CampaignHistoryFeatures.RECENT_DAYS + " before " + today));
        }
        return predictions.predictRoasLive(tenant, features.get())
                .flatMap(answer -> database.inTenantOne(tenant, connection -> stored.insert(connection, tenant,
                        new StoredRoasPrediction(UUID.randomUUID(), campaign.platform(), campaign.campaignId(), today,
                                answer.modelVersion(), answer.prediction(), now))));
    }

    private static String describe(TenantId tenant, CampaignHistory campaign) {
        return "tenant=" + tenant + " campaign=" + campaign.platform() + "/" + campaign.campaignId();
    }
}
