package ai.stratum.server.cdp.churn;

import ai.stratum.server.cdp.CdpSettings;
import ai.stratum.server.cdp.rfm.ProfileScoreRepository;
import ai.stratum.server.cdp.segment.SegmentMembership;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;
import ai.stratum.server.ml.models.TrainingExecutor;
import ai.stratum.server.ml.training.InsufficientDataException;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;

/**
 * The tenant's churn model: trained on its events, measured on a held-out 20 %, stored as a new
 * version, and used at once to score every profile ({@code cdp_profile_scores.churn_probability}), after
 * which segments are re-evaluated. Training and scoring run on the ML engine's {@link TrainingExecutor},
 * never on an event loop. DATA_ANALYST and up.
 */
@Singleton
public class ChurnService {

    static final Role ROLE = Role.DATA_ANALYST;
    static final int MAX_WINDOW_DAYS = 365;
    private static final Logger LOG = LoggerFactory.getLogger(ChurnService.class);

    private final Database database;
    private final ChurnRepository churn;
    private final ProfileScoreRepository scores;
    private final SegmentMembership membership;
    private final TrainingExecutor executor;
    private final Set<String> orderEvents;
    private final Clock clock;

    ChurnService(Database database, ChurnRepository churn, ProfileScoreRepository scores, SegmentMembership membership,
                 TrainingExecutor executor, CdpSettings settings, Clock clock) {
        this.database = database;
        this.churn = churn;
        this.scores = scores;
        this.membership = membership;
        this.executor = executor;
        this.orderEvents = settings.orderEventNames();
        this.clock = clock;
    }

    public Mono<ChurnModelInfo> newest(Caller caller) {
        TenantId tenant = caller.require(ROLE).tenant();
        return database.inTenantOne(tenant, connection -> churn.newest(connection, tenant));
    }

    /** {@code trainChurnModel}: trains, stores, scores every profile, re-evaluates segments. */
    public Mono<ChurnModelInfo> train(Caller caller, int windowDays) {
        TenantId tenant = caller.require(ROLE).tenant();
        if (windowDays < 1 || windowDays > MAX_WINDOW_DAYS) {
            throw ApiException.badInput("windowDays", "Needs 1 to " + MAX_WINDOW_DAYS + " days, got " + windowDays);
        }
        Duration window = Duration.ofDays(windowDays);
        return database.inTenantOne(tenant, connection -> churn.newestEvent(connection, tenant))
                .flatMap(newest -> {
                    if (newest.isEmpty()) {
                        return Mono.error(insufficient("Churn training needs events; this tenant has none"));
                    }
                    Instant cutoff = newest.get().minus(window);
                    String describe = cutoff + " (" + windowDays + " days before the newest event, " + newest.get() + ")";
                    return rows(tenant, cutoff, window)
                            .flatMap(rows -> onTrainingThread(() -> ChurnTrainer.train(rows, cutoff, describe)))
                            .flatMap(training -> database.inTenantOne(tenant, connection -> churn.insert(connection, tenant, training, cutoff,
                                    windowDays, Optional.of(caller.userId()), clock.instant())))
                            .doOnNext(model -> LOG.info("event=cdp_churn_trained tenant={} version={} rows={} auc={}", tenant, model.version(),
                                    model.rows(), model.auc()));
                })
                .onErrorMap(InsufficientDataException.class, e -> new ApiException(ErrorCode.BAD_USER_INPUT, e.getMessage()))
                .flatMap(model -> score(tenant).then(membership.refreshAll(tenant)).thenReturn(model));
    }

    /** Scores every profile with the tenant's newest model (none without one); emits how many. */
    public Mono<Long> score(TenantId tenant) {
        Instant now = clock.instant();
        return database.inTenantOne(tenant, connection -> churn.newest(connection, tenant)
                        .flatMap(info -> churn.artifact(connection, tenant, info.version()).map(bytes -> new Stored(info.version(), bytes))))
                .flatMap(stored -> database.inTenant(tenant, connection -> churn.activity(connection, tenant, now, orderEvents))
                        .collectList()
                        .flatMap(activity -> onTrainingThread(() -> probabilities(stored, activity, now)))
                        .flatMap(scored -> database.inTenantOne(tenant, connection -> scores.replaceChurn(connection, tenant,
                                scored.profiles(), scored.probabilities(), stored.version(), now))))
                .defaultIfEmpty(0L);
    }

    private Mono<List<ChurnTrainer.Row>> rows(TenantId tenant, Instant cutoff, Duration window) {
        return database.inTenant(tenant, connection -> churn.activity(connection, tenant, cutoff, orderEvents)).collectList()
                .zipWith(database.inTenant(tenant, connection -> churn.activeBetween(connection, tenant, cutoff, cutoff.plus(window)))
                        .collect(HashSet<UUID>::new, Set::add))
                .map(found -> found.getT1().stream().map(activity -> new ChurnTrainer.Row(activity,
                        !found.getT2().contains(activity.profileId()))).toList());
    }

    private static Scored probabilities(Stored stored, List<ChurnActivity> activity, Instant now) {
        ChurnModel model = ChurnModel.fromBytes(stored.bytes());
        UUID[] profiles = new UUID[activity.size()];
        Double[] probabilities = new Double[activity.size()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = activity.get(i).profileId();
            probabilities[i] = model.probability(activity.get(i).features(now));
        }
        return new Scored(profiles, probabilities);
    }

    private <T> Mono<T> onTrainingThread(Callable<T> work) {
        return Mono.create(sink -> {
            try {
                executor.submit(() -> {
                    try {
                        sink.success(work.call());
                    } catch (Exception e) {
                        sink.error(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                sink.error(ApiException.unavailable("Model training is at capacity; try again shortly"));
            }
        });
    }

    private static InsufficientDataException insufficient(String message) {
        return new InsufficientDataException(message);
    }

    private record Stored(int version, byte[] bytes) {
    }

    private record Scored(UUID[] profiles, Double[] probabilities) {
    }
}
