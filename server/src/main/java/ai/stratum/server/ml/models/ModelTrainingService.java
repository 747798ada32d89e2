package ai.stratum.server.ml.models;

import ai.stratum.server.audit.AuditEvent;
import ai.stratum.server.audit.AuditLog;
import ai.stratum.server.cdp.CdpSettings;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.ml.conversion.ConversionTrainer;
import ai.stratum.server.ml.conversion.ConversionTraining;
import ai.stratum.server.ml.conversion.SessionDataset;
import ai.stratum.server.ml.conversion.Sessionizer;
import ai.stratum.server.ml.roas.CampaignFacts;
import ai.stratum.server.ml.roas.CampaignHistory;
import ai.stratum.server.ml.roas.CampaignHistoryFeatures;
import ai.stratum.server.ml.roas.RoasDataset;
import ai.stratum.server.ml.roas.RoasTrainer;
import ai.stratum.server.ml.roas.RoasTraining;
import ai.stratum.server.ml.training.InsufficientDataException;
import ai.stratum.server.ml.training.ModelMetrics;
import ai.stratum.server.ml.training.ModelType;
import ai.stratum.server.ml.training.TrainingProgress;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@code trainModel}: checks seed 001's minimum data rules, records a job, and trains in the background on
 * the {@link TrainingExecutor}; the new model is registered as the tenant's active version and the job
 * ends with its test metrics. DATA_ANALYST and above may train; anyone in the tenant may read a job.
 *
 * <p>Minimum data (seed 001's "Best practices"): ROAS needs 100 campaigns with 30 or more days of
 * performance; conversion needs 10,000 events in the customer data platform. A refusal is CONFLICT (the
 * request is fine, the tenant's data is not there yet) and names what is missing.
 *
 * <p>ROAS rows come from {@code campaign_daily_performance} ({@link CampaignHistoryFeatures}); conversion
 * rows are the sessions of the CDP's events ({@link Sessionizer}), one per session, converted when it
 * holds an order event.
 */
@Singleton
public class ModelTrainingService {

    /** Seed 001: "ROAS model: 100+ campaigns with 30+ days history". */
    public static final int MIN_ROAS_CAMPAIGNS = 100;
    /** Seed 001: "Conversion model: 10,000+ events". */
    public static final int MIN_CONVERSION_EVENTS = 10_000;
    /** Days whose conversions may still be arriving: a 7-day attribution window. */
    static final int SETTLING_DAYS = 7;
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    private static final long HEARTBEAT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainingService.class);

    private final Database database;
    private final TrainingJobRepository jobs;
    private final ModelRegistryRepository registry;
    private final CampaignPerformanceRepository performance;
    private final CdpSessionRepository sessions;
    private final CdpSettings cdp;
    private final ModelCatalog catalog;
    private final AuditLog audit;
    private final TrainingExecutor executor;
    private final TrainingSettings settings;
    private final Clock clock;
    private final Set<OpenJob> openHere = ConcurrentHashMap.newKeySet();

    public ModelTrainingService(Database database, TrainingJobRepository jobs, ModelRegistryRepository registry,
                                CampaignPerformanceRepository performance, CdpSessionRepository sessions, CdpSettings cdp,
                                ModelCatalog catalog, AuditLog audit, TrainingExecutor executor, TrainingSettings settings,
                                Clock clock) {
        this.database = database;
        this.jobs = jobs;
        this.registry = registry;
        this.performance = performance;
        this.sessions = sessions;
        this.cdp = cdp;
        this.catalog = catalog;
        this.audit = audit;
        this.executor = executor;
        this.settings = settings;
        this.clock = clock;
    }

    @PostConstruct
    void startHeartbeat() {
        executor.everyPeriod(this::beat, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * @return the new job, QUEUED
     * @throws ApiException FORBIDDEN below DATA_ANALYST; CONFLICT when the data is too little or a job of
     *                      the type is already open; UNAVAILABLE when the training queue is full
     */
    public Mono<TrainingJob> train(Caller caller, String requestId, ModelType type) {
        caller.require(Role.DATA_ANALYST);
        TenantId tenant = caller.tenant();
        UUID id = UUID.randomUUID();
        return requireEnoughData(tenant, type)
                .then(database.inTenantOne(tenant, connection -> jobs.failAbandoned(connection, tenant, type, settings.abandonedAfter())
                        .then(jobs.open(connection, tenant, type).map(Optional::of).defaultIfEmpty(Optional.empty()))
                        .flatMap(open -> open.isPresent()
                                ? Mono.<TrainingJob>error(alreadyOpen(open.get()))
                                : jobs.insert(connection, tenant, id, type, caller.userId()))
                        .flatMap(job -> audit.record(connection, caller, requestId, new AuditEvent("ml.training_requested",
                                "training_job", id.toString(), Map.of("modelType", type.name()))).thenReturn(job))))
                .onErrorMap(R2dbcDataIntegrityViolationException.class,
                        e -> ApiException.conflict("A " + type + " training job is already queued or running"))
                .flatMap(job -> submit(tenant, job));
    }

    /** @return the tenant's job with that id */
    public Mono<TrainingJob> job(Caller caller, UUID id) {
        caller.require(Role.VIEWER);
        TenantId tenant = caller.tenant();
        return database.inTenantOne(tenant, connection -> jobs.find(connection, tenant, id))
                .switchIfEmpty(Mono.error(ApiException.notFound("No training job " + id)));
    }

    private Mono<TrainingJob> submit(TenantId tenant, TrainingJob job) {
        OpenJob open = new OpenJob(tenant, job.id());
        openHere.add(open);
        try {
            executor.submit(() -> run(open, job.type()));
            return Mono.just(job);
        } catch (RejectedExecutionException e) {
            openHere.remove(open);
            String message = "The training queue is full; try again when a running training has finished";
            return database.inTenantOne(tenant, connection -> jobs.fail(connection, tenant, job.id(), message))
                    .then(Mono.error(ApiException.unavailable(message)));
        }
    }

    private Mono<Void> requireEnoughData(TenantId tenant, ModelType type) {
        return switch (type) {
            case ROAS -> database.inTenantOne(tenant, connection -> performance.counts(connection, tenant))
                    .flatMap(counts -> counts.qualified() >= MIN_ROAS_CAMPAIGNS ? Mono.<Void>empty()
                            : Mono.error(ApiException.conflict(tooFewCampaigns(counts.qualified(), counts.campaigns()))));
            case CONVERSION -> database.inTenantOne(tenant, connection -> sessions.eventCount(connection, tenant))
                    .flatMap(events -> events >= MIN_CONVERSION_EVENTS ? Mono.<Void>empty()
                            : Mono.error(ApiException.conflict(tooFewEvents(events))));
        };
    }

    static String tooFewCampaigns(long qualified, long campaigns) {
        return "ROAS training needs at least " + MIN_ROAS_CAMPAIGNS + " campaigns with " + CampaignHistoryFeatures.HISTORY_DAYS
                + " or more days of performance history (days with spend); this tenant has " + qualified
                + " such campaigns (" + campaigns + " with any performance data). Until then its predictions use the default model.";
    }

    static String tooFewEvents(long events) {
        return "Conversion training needs at least " + MIN_CONVERSION_EVENTS + " events in the customer data platform; this "
                + "tenant has " + events + ". Until then its predictions use the default model; "
                + "`ml train conversion --csv FILE --tenant ID` trains one from exported sessions.";
    }

    private static ApiException alreadyOpen(TrainingJob open) {
        return ApiException.conflict("A " + open.type() + " training job is already " + open.status().name().toLowerCase(java.util.Locale.ROOT)
                + ": " + open.id());
    }

    /** The job itself, on a training thread: blocking calls are fine here. */
    private void run(OpenJob open, ModelType type) {
        TenantId tenant = open.tenant();
        UUID id = open.id();
        try {
            database.inTenantOne(tenant, connection -> jobs.start(connection, tenant, id)).block();
            Progress progress = new Progress(tenant, id);
            progress.report("loading data", 0.02);
            Trained trained = switch (type) {
                case ROAS -> trainRoas(tenant, progress);
                case CONVERSION -> trainConversion(tenant, progress);
            };
            progress.report("registering", 0.97);
            ModelInfo model = database.inTenantOne(tenant, connection -> registry.register(connection, tenant, type,
                    trained.artifact(), trained.metrics(), trained.trainingRows(), trained.testRows(), ModelSource.TRAINING_JOB,
                    Optional.of(id), Optional.empty())).block();
            catalog.activated(tenant, type).block();
            database.inTenantOne(tenant, connection -> jobs.succeed(connection, tenant, id, model.version(), trained.metrics(),
                    trained.trainingRows(), trained.testRows())).block();
            LOG.info("event=model_trained tenant={} job={} type={} version={} metrics={}", tenant, id, type, model.version(),
                    trained.metrics().toJson());
        } catch (InsufficientDataException | IllegalArgumentException e) {
            fail(tenant, id, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("event=model_training_failed tenant={} job={} type={}", tenant, id, type, e);
            fail(tenant, id, "Training failed unexpectedly; quote job " + id + " when reporting it");
        } finally {
            openHere.remove(open);
        }
    }

    private Trained trainRoas(TenantId tenant, Progress progress) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<CampaignHistory> histories = database.inTenant(tenant, connection ->
                performance.histories(connection, tenant, today.minusDays(settings.historyDays()))).collectList().block();
        long qualified = histories.stream().filter(h -> h.deliveryDays() >= CampaignHistoryFeatures.HISTORY_DAYS).count();
        if (qualified < MIN_ROAS_CAMPAIGNS) {
            throw new InsufficientDataException(tooFewCampaigns(qualified, histories.size()));
        }
        progress.report("deriving features", 0.04);
        RoasDataset.Builder rows = new RoasDataset.Builder();
        LocalDate settledFrom = today.minusDays(SETTLING_DAYS - 1L);
        for (CampaignHistory history : histories) {
            CampaignHistoryFeatures.addRows(history, settledFrom, CampaignFacts.UNKNOWN, rows);
        }
        RoasTrainer.Settings seed = RoasTrainer.Settings.SEED;
        RoasTraining training = new RoasTrainer(new RoasTrainer.Settings(settings.roasRounds(), seed.maxDepth(),
                seed.learningRate(), settings.xgboostThreads(), seed.coverage())).train(rows.build(), progress);
        return new Trained(training.model().toArtifact().toBytes(), ModelMetrics.regression(training.test().metrics(),
                training.test().intervalCoverage(), training.test().meanIntervalWidth()), training.trainingRows(),
                training.test().metrics().rows());
    }

    private Trained trainConversion(TenantId tenant, Progress progress) {
        long events = database.inTenantOne(tenant, connection -> sessions.eventCount(connection, tenant)).block();
        if (events < MIN_CONVERSION_EVENTS) {
            throw new InsufficientDataException(tooFewEvents(events));
        }
        Sessionizer sessionizer = new Sessionizer(cdp.orderEventNames());
        SessionDataset.Builder rows = new SessionDataset.Builder();
        java.time.Instant since = clock.instant().minus(Duration.ofDays(settings.historyDays()));
        progress.report("building sessions", 0.04);
        database.inTenant(tenant, connection -> sessions.visitors(connection, tenant, since))
                .doOnNext(visitor -> sessionizer.addSessions(visitor, rows))
                .blockLast();
        SessionDataset data = rows.build();
        int converted = data.positives();
        if (data.rows() < ConversionTrainer.MIN_ROWS || converted == 0 || converted == data.rows()) {
            throw new InsufficientDataException("Conversion training needs at least " + ConversionTrainer.MIN_ROWS
                    + " sessions, some with an order event (" + String.join(", ", cdp.orderEvents()) + ") and some without; this "
                    + "tenant's events make " + data.rows() + " sessions, " + converted + " with an order.");
        }
        ConversionTrainer.Settings seed = ConversionTrainer.Settings.SEED;
        ConversionTraining training = new ConversionTrainer(new ConversionTrainer.Settings(settings.conversionTrees(),
                seed.maxDepth(), seed.maxLeaves(), seed.minLeafRows(), seed.learningRate(), seed.subsample()))
                .train(data, progress);
        return new Trained(training.model().toArtifact().toBytes(), ModelMetrics.classification(training.test().metrics()),
                training.trainingRows(), training.test().metrics().rows());
    }

    private void fail(TenantId tenant, UUID id, String message) {
        try {
            database.inTenantOne(tenant, connection -> jobs.fail(connection, tenant, id, message)).block();
        } catch (RuntimeException e) {
            // the job stays open until its heartbeat goes stale, then counts as abandoned
            LOG.error("event=training_job_fail_not_recorded tenant={} job={}", tenant, id, e);
        }
    }

    private void beat() {
        for (OpenJob open : openHere) {
            try {
                database.inTenantOne(open.tenant(), connection -> jobs.heartbeat(connection, open.tenant(), open.id())).block();
            } catch (RuntimeException e) {
                // the next beat tries again; a job only counts as abandoned after minutes of silence
                LOG.warn("event=training_heartbeat_failed tenant={} job={} error=\"{}\"", open.tenant(), open.id(), e.toString());
            }
        }
    }

    /** Writes progress to the job at most once a second, and whenever the stage changes. */
    private final class Progress implements TrainingProgress {
        private final TenantId tenant;
        private final UUID id;
        private String stage = "";
        private long lastWrite;

        Progress(TenantId tenant, UUID id) {
            this.tenant = tenant;
            this.id = id;
        }

        @Override
        public void report(String newStage, double fraction) {
            long now = System.nanoTime();
            if (newStage.equals(stage) && now - lastWrite < PROGRESS_INTERVAL.toNanos()) {
                return;
            }
            stage = newStage;
            lastWrite = now;
            database.inTenantOne(tenant, connection -> jobs.progress(connection, tenant, id, newStage, Math.min(1, fraction))).block();
        }
    }

    private record OpenJob(TenantId tenant, UUID id) {
    }

    private record Trained(byte[] artifact, ModelMetrics metrics, int trainingRows, int testRows) {
    }
}
