package ai.stratum.server.ml.fatigue;

import ai.stratum.sandbox.simulation.CampaignProfile;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.ResponseModel;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.ml.SandboxAccount;

import java.util.List;

/**
 * Seed 001's fatigue scorer against the sandbox simulator's true fatigue state (docs/model-quality.md,
 * "Creative fatigue").
 *
 * <p><b>The truth.</b> The simulator's only fatigue is its creative's CTR, which decays with age from the
 * fresh CTR towards half of it, halving the gap every half-life ({@link ResponseModel#fatiguedCtr}); each
 * campaign runs one creative from its first day. Its true fatigue on a day is the seed's own CTR-decay
 * score on the noiseless CTR: {@code 200 × (1 − true CTR / fresh CTR)}, which runs from 0 when fresh to
 * 100 when all the CTR fatigue can take is gone (the simulator's CTR loses at most half, and the seed
 * scales a 50 % decline to 100). Its true level is that score's level at the seed's thresholds.
 *
 * <p><b>What the scorer sees</b>: only what the platform reported, day by day (impressions and clicks with
 * the simulator's daily noise), on the evening of each day:
 * <ul>
 *   <li>days in rotation: days since the campaign's first day;</li>
 *   <li>total impressions so far; frequency: those over the campaign's audience, which the simulator does
 *   not model — taken, as in the ROAS rows, as the people its saturation spend reaches in a week at its
 *   CPM and a frequency of 2;</li>
 *   <li>initial CTR: clicks over impressions of its first {@value #CTR_WINDOW_DAYS} days; current CTR: of
 *   its last {@value #CTR_WINDOW_DAYS} days; the CTR trends: the current CTR against the 7 days before
 *   and the 7 days a month before;</li>
 *   <li>engagement decline: the decline of the CTR, clicks being the simulator's only engagement.</li>
 * </ul>
 * Creatives are scored from the day they have a first week behind them ({@value #FIRST_AGE_DAYS} days
 * old) to {@value #LAST_AGE_DAYS} days, by when every simulated creative (half-lives of 10 to 40 days) has
 * reached its critical state (at 2.74 half-lives).
 *
 * <p>Two references sit beside the scorer, to show where its errors come from: the scorer fed the true
 * CTRs instead of the reported ones (what is left is the weights), and the reported CTR decline alone
 * scored as the seed does (what is left is the noise).
 */
final class FatigueAccuracy {

    /** The sandbox accounts the accuracy is measured on: six generated accounts of 40 campaigns. */
    static final List<Long> SEEDS = List.of(71L, 73L, 79L, 83L, 89L, 97L);
    static final int CAMPAIGNS = 40;
    static final int CTR_WINDOW_DAYS = 7;
    static final int FIRST_AGE_DAYS = 7;
    static final int LAST_AGE_DAYS = 119;

    private final FatigueScorer scorer = new FatigueScorer();

    /**
     * @param scorer         the seed's scorer on the reported days
     * @param scorerTrueCtrs the seed's scorer with the true initial and current CTR
     * @param ctrDeclineOnly the reported CTR decline alone, {@code × 200}
     * @param scorerByAge    the seed's scorer on the reported days, by the creative's age: one per
     *                       {@link #AGE_BANDS} entry
     * @param creatives      how many creatives were scored
     */
    record Results(LevelConfusion scorer, LevelConfusion scorerTrueCtrs, LevelConfusion ctrDeclineOnly,
                   List<LevelConfusion> scorerByAge, int creatives) {
    }

    /** Ages in days, first and last, that the accuracy is also broken down by: how it depends on the window. */
    static final List<int[]> AGE_BANDS = List.of(new int[] {7, 27}, new int[] {28, 55}, new int[] {56, 83}, new int[] {84, 119});

    Results measure(List<SandboxAccount> accounts) {
        Results results = new Results(new LevelConfusion(), new LevelConfusion(), new LevelConfusion(),
                AGE_BANDS.stream().map(band -> new LevelConfusion()).toList(), 0);
        int creatives = 0;
        for (SandboxAccount account : accounts) {
            for (SimulatedCampaign campaign : account.campaigns()) {
                CampaignProfile profile = campaign.profile();
                List<DayOutcome> days = account.settled(campaign.id(), profile.startDate(),
                        profile.startDate().plusDays(LAST_AGE_DAYS));
                if (days.size() != LAST_AGE_DAYS + 1) {
                    throw new IllegalStateException("campaign " + campaign.id() + " did not deliver every day: " + days.size());
                }
                score(profile, days, results);
                creatives++;
            }
        }
        return new Results(results.scorer(), results.scorerTrueCtrs(), results.ctrDeclineOnly(), results.scorerByAge(), creatives);
    }

    /** Scores one creative on each day of its life in the window; {@code days.get(age)} is its day {@code age}. */
    private void score(CampaignProfile profile, List<DayOutcome> days, Results results) {
        double audience = profile.saturationSpend() / profile.cpm() * 1000 * 7 / 2;
        double initialCtr = ctr(days, 0, CTR_WINDOW_DAYS - 1);
        long impressions = 0;
        for (int age = 0; age <= LAST_AGE_DAYS; age++) {
            impressions += days.get(age).impressions();
            if (age < FIRST_AGE_DAYS) {
                continue;
            }
            double trueCtr = ResponseModel.fatiguedCtr(profile.baseCtr(), age, profile.fatigueHalfLifeDays());
            FatigueLevel truth = FatigueLevel.of(FatigueScorer.ctrDecayScore(profile.baseCtr(), trueCtr));

            double currentCtr = ctr(days, age - CTR_WINDOW_DAYS + 1, age);
            double frequency = impressions / audience;
            FatigueInput reported = input(days.get(age), age, impressions, frequency, initialCtr, currentCtr,
                    trend(days, age, currentCtr, 7), trend(days, age, currentCtr, 30));
            FatigueInput trueCtrs = input(days.get(age), age, impressions, frequency, profile.baseCtr(), trueCtr,
                    reported.ctrTrend7d(), reported.ctrTrend30d());

            FatigueLevel scored = scorer.score(reported).fatigueLevel();
            results.scorer().add(truth, scored);
            results.scorerByAge().get(ageBand(age)).add(truth, scored);
            results.scorerTrueCtrs().add(truth, scorer.score(trueCtrs).fatigueLevel());
            results.ctrDeclineOnly().add(truth, FatigueLevel.of(FatigueScorer.ctrDecayScore(initialCtr, currentCtr)));
        }
    }

    private static int ageBand(int age) {
        for (int i = 0; i < AGE_BANDS.size(); i++) {
            if (age <= AGE_BANDS.get(i)[1]) {
                return i;
            }
        }
        throw new IllegalArgumentException("age " + age + " is past the last band");
    }

    private static FatigueInput input(DayOutcome day, int age, long impressions, double frequency, double initialCtr,
                                      double currentCtr, double trend7d, double trend30d) {
        // clicks are the simulator's only engagement, so the engagement decline is the CTR decline
        double engagementDecline = initialCtr > 0 ? (initialCtr - currentCtr) / initialCtr : 0;
        return new FatigueInput(age, impressions, frequency, trend7d, trend30d, engagementDecline, initialCtr, currentCtr,
                day.date(), List.of());
    }

    /** The current CTR's relative change against the 7 days that ended {@code daysBack} days earlier; 0 before them. */
    private static double trend(List<DayOutcome> days, int age, double currentCtr, int daysBack) {
        int end = age - daysBack;
        if (end - CTR_WINDOW_DAYS + 1 < 0) {
            return 0;
        }
        double before = ctr(days, end - CTR_WINDOW_DAYS + 1, end);
        return before > 0 ? currentCtr / before - 1 : 0;
    }

    private static double ctr(List<DayOutcome> days, int from, int to) {
        long impressions = 0;
        long clicks = 0;
        for (int k = Math.max(0, from); k <= to; k++) {
            impressions += days.get(k).impressions();
            clicks += days.get(k).clicks();
        }
        return impressions > 0 ? (double) clicks / impressions : 0;
    }
}
