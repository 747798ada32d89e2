package ai.stratum.sandbox.simulation;

import ai.stratum.plugin.api.EntityStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Creates simulated accounts with a realistic spread of campaigns: budgets from 50 to 500 a day,
 * returns on ad spend from well below 1 to about 5, creatives of different ages, most campaigns
 * active and some paused. Deterministic in the spec's seed.
 */
public final class AccountGenerator {

    private static final String[] AUDIENCES = {"Prospecting", "Retargeting", "Lookalike 1%", "Broad", "Interests",
            "Past buyers", "Cart abandoners", "Video viewers"};
    private static final String[] THEMES = {"Spring sale", "Evergreen", "New arrivals", "Bestsellers", "Brand",
            "Clearance", "Holiday", "Bundle offer"};

    private static final long MAX_CAMPAIGNS = 10_000;
    private static final long CAMPAIGN_IDS = 120_200_000_000_000L;
    private static final long AD_SET_IDS = 120_300_000_000_000L;
    private static final long DATASET_IDS = 120_400_000_000_000L;

    private AccountGenerator() {
    }

    /**
     * @param spec  what to simulate
     * @param clock the time the account lives by
     * @return the account
     */
    public static SimulatedAccount generate(AccountSpec spec, Clock clock) {
        SplittableRandom random = new SplittableRandom(spec.seed());
        LocalDate today = LocalDate.now(clock.withZone(spec.zone()));
        long idBase = Math.floorMod(spec.seed(), 1_000_000L) * MAX_CAMPAIGNS;
        if (spec.campaigns() > MAX_CAMPAIGNS) {
            throw new IllegalArgumentException("at most " + MAX_CAMPAIGNS + " campaigns per account");
        }
        List<SimulatedCampaign> campaigns = new ArrayList<>(spec.campaigns());
        for (int i = 0; i < spec.campaigns(); i++) {
            campaigns.add(campaign(random, i, idBase, today, spec.historyDays()));
        }
        Map<String, Double> datasets = Map.of(String.valueOf(DATASET_IDS + idBase), round1(7.2 + 1.6 * random.nextDouble()));
        return new SimulatedAccount(spec.accountId(), spec.name(), spec.currency(), spec.zone(), clock, spec.seed(),
                campaigns, datasets);
    }

    private static SimulatedCampaign campaign(SplittableRandom random, int index, long idBase, LocalDate today,
                                              int historyDays) {
        Objective objective = index % 5 == 4 ? Objective.TRAFFIC : index % 7 == 6 ? Objective.AWARENESS : Objective.SALES;
        double budget = Math.round(50 + 450 * Math.pow(random.nextDouble(), 1.6));
        double saturation = budget * (0.6 + 1.4 * random.nextDouble());
        double roasAtBudget = Math.exp(0.75 + 0.55 * gaussian(random));
        double maxRevenue = roasAtBudget * budget / (1 - Math.exp(-budget / saturation));
        if (objective == Objective.AWARENESS) {
            maxRevenue *= 0.15;
        }
        int lateStart = random.nextInt(Math.max(1, historyDays / 3));
        CampaignProfile profile = new CampaignProfile(
                String.valueOf(CAMPAIGN_IDS + idBase + index),
                String.valueOf(AD_SET_IDS + idBase + index),
                AUDIENCES[random.nextInt(AUDIENCES.length)] + " - " + THEMES[random.nextInt(THEMES.length)] + " "
                        + String.format("%02d", index + 1),
                objective,
                today.minusDays(historyDays - 1L - lateStart),
                budget,
                6 + 12 * random.nextDouble(),
                0.008 + 0.017 * random.nextDouble(),
                10 + 30 * random.nextDouble(),
                maxRevenue,
                saturation,
                25 + 125 * random.nextDouble());
        EntityStatus status = random.nextDouble() < 0.85 ? EntityStatus.ACTIVE : EntityStatus.PAUSED;
        SimulatedCampaign campaign = new SimulatedCampaign(profile, Math.round(budget * 100) * 10_000L,
                EntityStatus.ACTIVE, Math.round(0.5 + 2.5 * random.nextDouble()) * 10_000L * 10);
        if (status == EntityStatus.PAUSED) {
            campaign.setStatus(EntityStatus.PAUSED, today.minusDays(1 + random.nextInt(Math.max(1, historyDays / 2))));
        }
        return campaign;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
