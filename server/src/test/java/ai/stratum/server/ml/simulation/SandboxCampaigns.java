package ai.stratum.server.ml.simulation;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.simulation.AccountGenerator;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.CampaignProfile;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.ResponseModel;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Campaigns from the sandbox's simulator, whose true response curves are known, with a settled
 * history and a settled future at a chosen budget.
 *
 * <p>Every day used lies at least {@value #SETTLED_DAYS} days before the account's today: the sandbox
 * reports {@code floor(conversions × share)} with a share that only reaches exactly 1 in floating point
 * some 44 days after the fact, so younger days lose a conversion each.
 */
final class SandboxCampaigns {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    static final int SETTLED_DAYS = 60;
    static final int HISTORY_DAYS = 90;
    static final int HORIZON_DAYS = 30;
    static final LocalDate FUTURE_END = TODAY.minusDays(SETTLED_DAYS + 1);
    static final LocalDate FUTURE_START = FUTURE_END.minusDays(HORIZON_DAYS - 1);
    static final LocalDate HISTORY_END = FUTURE_START.minusDays(1);
    static final LocalDate HISTORY_START = HISTORY_END.minusDays(HISTORY_DAYS - 1);

    private final AccountSpec spec;
    private final Clock clock = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    SandboxCampaigns(long seed, int campaigns) {
        // the account's history reaches back far enough that even late starters cover the fit window
        this.spec = new AccountSpec("act_" + seed, "Accuracy " + seed, "USD", ZoneOffset.UTC, campaigns, 300, seed);
    }

    /** @return the campaigns' ids and true curves, in the generator's order */
    List<CampaignProfile> profiles() {
        return AccountGenerator.generate(spec, clock).campaigns().stream().map(SimulatedCampaign::profile).toList();
    }

    /**
     * One campaign's run: its history under the budget plan, then the horizon at {@code futureFactor}
     * times its base budget. A fresh account each call (the same seed gives the same account), so
     * several futures can follow one history.
     *
     * @param campaignId   the campaign
     * @param budgetPlan   how the history's budget moves
     * @param futureFactor the horizon's budget as a multiple of the base budget
     * @return the history and the future, as reported
     */
    Run run(String campaignId, BudgetPlan budgetPlan, double futureFactor) {
        SimulatedAccount account = AccountGenerator.generate(spec, clock);
        SimulatedCampaign campaign = account.campaign(campaignId).orElseThrow();
        campaign.setStatus(EntityStatus.ACTIVE, LocalDate.MIN);
        double base = campaign.profile().dailyBudget();
        SplittableRandom random = new SplittableRandom(campaignId.hashCode());
        for (LocalDate week = HISTORY_START; !week.isAfter(HISTORY_END); week = week.plusDays(7)) {
            campaign.setDailyBudget(cents(base * budgetPlan.factor(random)), week);
        }
        campaign.setDailyBudget(cents(base * futureFactor), FUTURE_START);
        List<DailyPerformance> history = new ArrayList<>();
        for (DayOutcome day : account.report(campaignId, HISTORY_START, HISTORY_END)) {
            history.add(DailyPerformance.ofMicros(day.date(), day.spendMicros(), day.revenueMicros(), day.conversions()));
        }
        List<DayOutcome> future = account.report(campaignId, FUTURE_START, FUTURE_END);
        double spend = future.stream().mapToLong(DayOutcome::spendMicros).sum() / 1e6;
        double revenue = future.stream().mapToLong(DayOutcome::revenueMicros).sum() / 1e6;
        return new Run(campaign.profile(), history, spend, revenue);
    }

    /**
     * The curve's expected revenue over the horizon at an even daily spend: the true curve times each
     * horizon day's weekday demand.
     */
    static double trueRevenue(CampaignProfile profile, double horizonSpend) {
        double daily = horizonSpend / HORIZON_DAYS;
        double revenue = 0;
        for (LocalDate day = FUTURE_START; !day.isAfter(FUTURE_END); day = day.plusDays(1)) {
            revenue += ResponseModel.revenue(daily, profile.maxDailyRevenue() * ResponseModel.weeklyDemand(day.getDayOfWeek()),
                    profile.saturationSpend());
        }
        return revenue;
    }

    private static long cents(double amount) {
        return Math.round(amount * 100) * 10_000L;
    }

    /** How a history's daily budget moves, week by week. */
    enum BudgetPlan {
        /** The base budget throughout: spend varies only with the platform's pacing. */
        FLAT {
            @Override
            double factor(SplittableRandom random) {
                return 1;
            }
        },
        /** Uniformly between half and one and a half times the base, a new level each week. */
        WEEKLY_TESTS {
            @Override
            double factor(SplittableRandom random) {
                return 0.5 + random.nextDouble();
            }
        };

        abstract double factor(SplittableRandom random);
    }

    /**
     * @param profile       the campaign's true response
     * @param history       its settled history
     * @param futureSpend   what it spent over the horizon
     * @param futureRevenue what it earned over the horizon, as reported
     */
    record Run(CampaignProfile profile, List<DailyPerformance> history, double futureSpend, double futureRevenue) {
    }
}
