package ai.stratum.server.ml;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * When the ML jobs run (seed 001's Celery beat schedule), on every server instance, each doing only the
 * tenants whose lease it takes ({@link MlJobs}): daily forecasts at 06:00 UTC, fatigue scores at 03:00 UTC,
 * anomaly scans and live predictions every 30 minutes. Micronaut's own {@code @Scheduled(cron, zoneId)}
 * fires them; the cron expressions are configuration ({@code stratum.ml.schedules.*}).
 */
@Singleton
@Requires(property = "stratum.ml.schedules.enabled", notEquals = "false")
class MlScheduler {

    static final String DAILY_FORECASTS = "0 0 6 * * *";
    static final String FATIGUE_SCORES = "0 0 3 * * *";
    static final String LIVE = "0 0/30 * * * *";

    private static final Logger LOG = LoggerFactory.getLogger(MlScheduler.class);
    private static final Duration MAX_DAILY_RUN = Duration.ofHours(2);
    private static final Duration MAX_LIVE_RUN = Duration.ofMinutes(25);

    private final MlJobs jobs;

    MlScheduler(MlJobs jobs) {
        this.jobs = jobs;
    }

    // each runs on the scheduler's own thread, never an event loop: waiting for the batch there is fine

    @Scheduled(cron = "${stratum.ml.schedules.daily-forecasts:" + DAILY_FORECASTS + "}", zoneId = "UTC")
    void dailyForecasts() {
        report("daily-forecasts", jobs.dailyForecasts(jobs.allTenants()).block(MAX_DAILY_RUN));
    }

    @Scheduled(cron = "${stratum.ml.schedules.fatigue-scores:" + FATIGUE_SCORES + "}", zoneId = "UTC")
    void fatigueScores() {
        report("fatigue-scores", jobs.fatigueScores(jobs.allTenants()).block(MAX_DAILY_RUN));
    }

    @Scheduled(cron = "${stratum.ml.schedules.live:" + LIVE + "}", zoneId = "UTC")
    void live() {
        report("live", jobs.live(jobs.allTenants()).block(MAX_LIVE_RUN));
    }

    private static void report(String job, List<MlBatch.ItemOutcome> outcomes) {
        long failed = outcomes.stream().filter(o -> o.outcome() == MlBatch.Outcome.FAILED).count();
        long skipped = outcomes.stream().filter(o -> o.outcome() == MlBatch.Outcome.SKIPPED).count();
        LOG.info("event=ml_job_finished job={} items={} failed={} skipped={}", job, outcomes.size(), failed, skipped);
    }
}
