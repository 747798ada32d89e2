package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.eventquality.EventQualityAnalyzer;
import ai.stratum.server.ml.eventquality.EventQualityResult;
import ai.stratum.server.ml.fatigue.DailyFatigueScore;
import ai.stratum.server.ml.fatigue.FatigueInput;
import ai.stratum.server.ml.fatigue.FatigueResult;
import ai.stratum.server.ml.fatigue.FatigueScorer;
import ai.stratum.server.security.Caller;
import ai.stratum.server.security.Role;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code creativeFatigue} and {@code eventQuality}: seed 001's rule-based scorers over what the request
 * carries. Neither reads stored data and each takes microseconds, so neither is cached: a cache look-up
 * (a Redis round trip) would cost more than the score.
 */
@Singleton
public class ScoringService {

    private final FatigueScorer fatigue = new FatigueScorer();
    private final EventQualityAnalyzer eventQuality = new EventQualityAnalyzer();
    private final Clock clock;

    ScoringService(Clock clock) {
        this.clock = clock;
    }

    FatigueResult creativeFatigue(Caller caller, Map<String, Object> input) {
        caller.require(Role.VIEWER);
        return fatigue.score(fatigueInput(input, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }

    EventQualityResult eventQuality(Caller caller, Object event, Platform platform) {
        caller.require(Role.VIEWER);
        return eventQuality.analyze(event, platform);
    }

    @SuppressWarnings("unchecked")
    static FatigueInput fatigueInput(Map<String, Object> input, LocalDate today) {
        LocalDate asOf = input.get("asOf") instanceof LocalDate date ? date : today;
        List<Map<String, Object>> recent = (List<Map<String, Object>>) input.get("recentScores");
        List<DailyFatigueScore> scores = new ArrayList<>();
        if (recent != null) {
            for (int i = 0; i < recent.size(); i++) {
                double score = number(recent.get(i), "fatigueScore");
                if (!(score >= 0 && score <= 100)) {
                    throw new InvalidMlInputException("recentScores[" + i + "].fatigueScore", "must be within 0-100, was " + score);
                }
                scores.add(new DailyFatigueScore((LocalDate) recent.get(i).get("date"), score));
            }
        }
        return new FatigueInput(((Number) input.get("daysInRotation")).intValue(), ((Number) input.get("totalImpressions")).longValue(),
                number(input, "frequency"), number(input, "ctrTrend7d"), number(input, "ctrTrend30d"),
                number(input, "engagementDecayRate"), number(input, "initialCtr"), number(input, "currentCtr"), asOf, scores);
    }

    private static double number(Map<String, Object> input, String field) {
        return ((Number) input.get(field)).doubleValue();
    }
}
