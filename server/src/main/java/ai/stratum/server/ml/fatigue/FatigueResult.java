package ai.stratum.server.ml.fatigue;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Seed 001's fatigue output, its keys in camelCase.
 *
 * @param fatigueScore      0-100, higher is more fatigued, rounded to one decimal as the seed does
 * @param fatigueLevel      the level of that score
 * @param daysUntilCritical whole days until the score reaches 85 at its recent pace; 0 when it is
 *                          already critical; empty when the score is not rising or the history is too
 *                          short to tell
 * @param recommendation    one sentence, for example "Replace creative within 5 days"
 * @param suggestedActions  what to do, most important first; empty when nothing is needed
 */
public record FatigueResult(double fatigueScore, FatigueLevel fatigueLevel, OptionalInt daysUntilCritical,
                            String recommendation, List<String> suggestedActions) {

    public FatigueResult {
        Objects.requireNonNull(fatigueLevel, "fatigueLevel");
        Objects.requireNonNull(daysUntilCritical, "daysUntilCritical");
        Objects.requireNonNull(recommendation, "recommendation");
        suggestedActions = List.copyOf(suggestedActions);
    }
}
