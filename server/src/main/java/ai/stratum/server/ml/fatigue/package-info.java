/**
 * Creative fatigue, seed 001's {@code FatigueScorer}: how worn out an ad creative is, 0-100, from its
 * age, frequency, CTR decline and engagement decline, with a level, the days until it turns critical,
 * a recommendation and suggested actions. {@link ai.stratum.server.ml.fatigue.FatigueScorer} is the
 * entry point.
 *
 * <p>Plain Java with no framework types.
 */
package ai.stratum.server.ml.fatigue;
