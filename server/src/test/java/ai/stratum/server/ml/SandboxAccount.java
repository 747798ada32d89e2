package ai.stratum.server.ml;

import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.sandbox.simulation.AccountGenerator;
import ai.stratum.sandbox.simulation.AccountSpec;
import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SettableClock;
import ai.stratum.sandbox.simulation.SimulatedAccount;
import ai.stratum.sandbox.simulation.SimulatedCampaign;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A sandbox account for the ML engine's measurements: campaigns the sandbox simulates day by day, every
 * one active, whose reports can be read as they stood on any day (late conversions still missing) or
 * as they finally are. Deterministic in the seed.
 */
public final class SandboxAccount {

    /** The account's last day; its campaigns' histories reach {@code HISTORY_DAYS} back from it. */
    public static final LocalDate END = LocalDate.of(2027, 3, 1);
    public static final int HISTORY_DAYS = 300;

    private final SettableClock clock = new SettableClock(END.atTime(12, 0).toInstant(ZoneOffset.UTC));
    private final SimulatedAccount account;

    /**
     * @param seed          the account's seed
     * @param campaigns     how many campaigns
     * @param budgetChanges whether each campaign's budget moves every four weeks (by 0.7 to 1.4 times),
     *                      as media buyers move them, or stays at its generated level
     */
    public SandboxAccount(long seed, int campaigns, boolean budgetChanges) {
        this.account = AccountGenerator.generate(new AccountSpec("act_" + seed, "ML " + seed, "USD", ZoneOffset.UTC, campaigns,
                HISTORY_DAYS, seed), clock);
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        for (SimulatedCampaign campaign : account.campaigns()) {
            campaign.setStatus(EntityStatus.ACTIVE, LocalDate.MIN);
            if (budgetChanges) {
                long budget = campaign.dailyBudgetMicros();
                for (LocalDate day = END.minusDays(HISTORY_DAYS - random.nextInt(28)); day.isBefore(END); day = day.plusDays(28)) {
                    double factor = 0.7 + 0.7 * random.nextDouble();
                    campaign.setDailyBudget(Math.round(budget * factor / 10_000) * 10_000, day);
                }
            }
        }
    }

    public List<SimulatedCampaign> campaigns() {
        return account.campaigns();
    }

    public SimulatedAccount simulated() {
        return account;
    }

    /**
     * The campaign's days as they were reported at 06:00 UTC on {@code asOf}: days without delivery
     * absent, the newest days' late conversions missing.
     */
    public List<DayOutcome> reportedOn(LocalDate asOf, String campaignId, LocalDate from, LocalDate to) {
        clock.set(asOf.atTime(6, 0).toInstant(ZoneOffset.UTC));
        try {
            return account.report(campaignId, from, to);
        } finally {
            clock.set(END.atTime(12, 0).toInstant(ZoneOffset.UTC));
        }
    }

    /** The campaign's days with every conversion in: reported long after. */
    public List<DayOutcome> settled(String campaignId, LocalDate from, LocalDate to) {
        clock.set(to.plusDays(120).atTime(12, 0).toInstant(ZoneOffset.UTC));
        try {
            return account.report(campaignId, from, to);
        } finally {
            clock.set(END.atTime(12, 0).toInstant(ZoneOffset.UTC));
        }
    }

    /** @return one entry per day from {@code from} to {@code to}, a day without a report as zeros */
    public static Map<LocalDate, DayOutcome> everyDay(String campaignId, List<DayOutcome> reported, LocalDate from, LocalDate to) {
        Map<LocalDate, DayOutcome> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new DayOutcome(campaignId, day, 0, 0, 0, 0, 0));
        }
        for (DayOutcome outcome : reported) {
            if (days.containsKey(outcome.date())) {
                days.put(outcome.date(), outcome);
            }
        }
        return days;
    }

    /** @return the outcomes' sum per day, for a platform's total */
    public static List<DayOutcome> total(List<List<DayOutcome>> campaigns, LocalDate from, LocalDate to) {
        Map<LocalDate, long[]> sums = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            sums.put(day, new long[5]);
        }
        for (List<DayOutcome> campaign : campaigns) {
            for (DayOutcome day : campaign) {
                long[] sum = sums.get(day.date());
                if (sum != null) {
                    sum[0] += day.spendMicros();
                    sum[1] += day.impressions();
                    sum[2] += day.clicks();
                    sum[3] += day.conversions();
                    sum[4] += day.revenueMicros();
                }
            }
        }
        List<DayOutcome> total = new ArrayList<>();
        sums.forEach((day, sum) -> total.add(new DayOutcome("total", day, sum[0], sum[1], sum[2], sum[3], sum[4])));
        return total;
    }
}
