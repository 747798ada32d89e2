package ai.stratum.server.ml;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.fatigue.DailyFatigueScore;
import ai.stratum.server.ml.fatigue.FatigueInput;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A creative's current figures as {@code upsertCreatives} stores them: seed 001's fatigue features, with
 * the day it was first used in place of its days in rotation (which grow by themselves).
 */
record CreativeFigures(Platform platform, String creativeId, LocalDate firstUsedOn, long totalImpressions, double frequency,
                       double ctrTrend7d, double ctrTrend30d, double engagementDecayRate, double initialCtr, double currentCtr) {

    CreativeFigures {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(firstUsedOn, "firstUsedOn");
        if (creativeId == null || creativeId.isBlank() || creativeId.length() > 200) {
            throw new InvalidMlInputException("creativeId", "must be 1 to 200 characters");
        }
    }

    /** The scorer's input on {@code asOf}, with the creative's earlier daily scores. */
    FatigueInput input(LocalDate asOf, List<DailyFatigueScore> recentScores) {
        if (firstUsedOn.isAfter(asOf)) {
            throw new InvalidMlInputException("firstUsedOn", "must not be after " + asOf + ", was " + firstUsedOn);
        }
        long days = ChronoUnit.DAYS.between(firstUsedOn, asOf);
        return new FatigueInput((int) Math.min(days, Integer.MAX_VALUE), totalImpressions, frequency, ctrTrend7d, ctrTrend30d,
                engagementDecayRate, initialCtr, currentCtr, asOf, recentScores);
    }

    static CreativeFigures of(Map<String, Object> input) {
        return new CreativeFigures(Platform.valueOf((String) input.get("platform")), (String) input.get("creativeId"),
                (LocalDate) input.get("firstUsedOn"), ((Number) input.get("totalImpressions")).longValue(), number(input, "frequency"),
                number(input, "ctrTrend7d"), number(input, "ctrTrend30d"), number(input, "engagementDecayRate"),
                number(input, "initialCtr"), number(input, "currentCtr"));
    }

    private static double number(Map<String, Object> input, String field) {
        return ((Number) input.get(field)).doubleValue();
    }
}
