package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.database.Database;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.ml.cache.CacheLifetime;
import ai.stratum.server.ml.cache.CachedOperation;
import ai.stratum.server.ml.cache.MlCache;
import ai.stratum.server.ml.cache.MlCacheGeneration;
import ai.stratum.server.ml.fatigue.FatigueResult;
import ai.stratum.server.ml.fatigue.FatigueScorer;
import ai.stratum.server.ml.inference.ModelType;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import ai.stratum.server.tenancy.TenantId;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creatives' fatigue over time (seed 001's {@code calculate_all_fatigue_scores}): creatives' figures come
 * in through {@code upsertCreatives} (no connector reports creative-level reach and frequency yet); the
 * daily job (03:00 UTC) scores every creative whose figures were updated in the last
 * {@value #FRESH_DAYS} days and stores the day's score, whose trend gives {@code daysUntilCritical};
 * {@code creativeFatigueHistory} reads the scores, cached for the fatigue lifetime (24 hours) until new
 * figures or scores arrive.
 */
@Singleton
public class CreativeFatigueService {

    static final int MAX_CREATIVES_PER_CALL = 1000;
    static final int FRESH_DAYS = 30;
    static final int MAX_HISTORY_DAYS = 366;
    static final int KEEP_SCORES_DAYS = 400;
    static final CachedOperation HISTORY = new CachedOperation("creativeFatigueHistory", "fatigue-scorer/1", CacheLifetime.FATIGUE,
            false, Optional.of(ModelType.FATIGUE));

    private final Database database;
    private final TenantCalendar calendar;
    private final CreativeRepository creatives;
    private final MlCache cache;
    private final MlCacheGeneration generations;
    private final FatigueScorer scorer = new FatigueScorer();
    private final Clock clock;

    CreativeFatigueService(Database database, TenantCalendar calendar, CreativeRepository creatives, MlCache cache,
                           MlCacheGeneration generations, Clock clock) {
        this.database = database;
        this.calendar = calendar;
        this.creatives = creatives;
        this.cache = cache;
        this.generations = generations;
        this.clock = clock;
    }

    Mono<Integer> upsert(Caller caller, List<Map<String, Object>> input) {
        caller.require(Role.DATA_ANALYST);
        if (input.isEmpty() || input.size() > MAX_CREATIVES_PER_CALL) {
            throw new InvalidMlInputException("creatives", "give 1 to " + MAX_CREATIVES_PER_CALL + " creatives, gave " + input.size());
        }
        TenantId tenant = caller.tenant();
        return today(tenant).flatMap(today -> {
            List<CreativeFigures> figures = new ArrayList<>(input.size());
            for (int i = 0; i < input.size(); i++) {
                try {
                    CreativeFigures creative = CreativeFigures.of(input.get(i));
                    creative.input(today, List.of());
                    figures.add(creative);
                } catch (InvalidMlInputException e) {
                    throw new InvalidMlInputException("creatives[" + i + "]." + e.field(), e.getMessage().substring(e.field().length() + 2));
                }
            }
            return database.inTenant(tenant, connection -> Flux.fromIterable(figures)
                            .concatMap(creative -> creatives.upsert(connection, tenant, creative)))
                    .then(generations.bump(tenant, ModelType.FATIGUE))
                    .thenReturn(figures.size());
        });
    }

    Mono<List<CreativeFatigueDay>> history(Caller caller, Platform platform, String creativeId, LocalDate from, LocalDate to) {
        caller.require(Role.VIEWER);
        if (to.isBefore(from)) {
            throw ApiException.badInput("to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_HISTORY_DAYS) {
            throw ApiException.badInput("to", "At most " + MAX_HISTORY_DAYS + " days per request");
        }
        TenantId tenant = caller.tenant();
        return cache.get(HISTORY, tenant, Map.of("platform", platform, "creativeId", creativeId, "from", from, "to", to),
                Argument.listOf(CreativeFatigueDay.class),
                () -> database.inTenant(tenant, connection -> creatives.history(connection, tenant, platform, creativeId, from, to))
                        .collectList());
    }

    /** The creatives the daily job scores for the tenant today. */
    Mono<List<Creative>> creativesToScore(TenantId tenant) {
        return today(tenant).flatMap(today -> database.inTenant(tenant, connection -> creatives.deleteScoresBefore(connection, tenant,
                                today.minusDays(KEEP_SCORES_DAYS))
                        .thenMany(creatives.updatedSince(connection, tenant, clock.instant().minus(Duration.ofDays(FRESH_DAYS)))))
                .map(figures -> new Creative(tenant, today, figures))
                .collectList());
    }

    /** Scores the creative for its day and stores the score; its earlier scores give the trend. */
    Mono<FatigueResult> scoreToday(Creative creative) {
        TenantId tenant = creative.tenant();
        CreativeFigures figures = creative.figures();
        return database.inTenantOne(tenant, connection -> creatives.scores(connection, tenant, figures.platform(), figures.creativeId(),
                                creative.day().minusDays(14), creative.day().minusDays(1)).collectList()
                        .flatMap(recent -> {
                            FatigueResult result = scorer.score(figures.input(creative.day(), recent));
                            return creatives.storeScore(connection, tenant, figures, creative.day(), result).thenReturn(result);
                        }));
    }

    /** After the day's scores of the tenant are stored: cached score histories are stale. */
    Mono<Void> scored(TenantId tenant) {
        return generations.bump(tenant, ModelType.FATIGUE);
    }

    private Mono<LocalDate> today(TenantId tenant) {
        return calendar.tenant(tenant).map(calendar::today);
    }

    /** One creative to score on one day. */
    record Creative(TenantId tenant, LocalDate day, CreativeFigures figures) {

        String describe() {
            return "tenant=" + tenant + " creative=" + figures.platform() + "/" + figures.creativeId();
        }
    }
}
