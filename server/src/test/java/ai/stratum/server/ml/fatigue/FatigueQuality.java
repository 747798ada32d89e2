package ai.stratum.server.ml.fatigue;

import ai.stratum.server.ml.SandboxAccount;

/**
 * The figures of {@link FatigueAccuracyTest}'s measurement that the model-quality report puts beside seed
 * 001's other targets, measured on the same accounts.
 *
 * @param levelAccuracy              share of creative-days whose level the seed's scorer got right
 * @param replaceAccuracy            share whose replace-or-keep decision (high and above) it got right
 * @param secondMonthReplaceAccuracy the same, over creatives 28 to 55 days old, when most cross the line
 * @param creatives                  creatives scored
 * @param creativeDays               creative-days scored
 */
public record FatigueQuality(double levelAccuracy, double replaceAccuracy, double secondMonthReplaceAccuracy, int creatives,
                             long creativeDays) {

    public static FatigueQuality measure() {
        FatigueAccuracy.Results results = new FatigueAccuracy().measure(FatigueAccuracy.SEEDS.stream()
                .map(seed -> new SandboxAccount(seed, FatigueAccuracy.CAMPAIGNS, false)).toList());
        return new FatigueQuality(results.scorer().accuracy(), results.scorer().replaceAccuracy(),
                results.scorerByAge().get(1).replaceAccuracy(), results.creatives(), results.scorer().total());
    }
}
