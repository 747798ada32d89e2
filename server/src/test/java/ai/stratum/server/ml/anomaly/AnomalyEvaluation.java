package ai.stratum.server.ml.anomaly;

import ai.stratum.sandbox.simulation.DayOutcome;
import ai.stratum.sandbox.simulation.SimulatedCampaign;
import ai.stratum.server.ml.SandboxAccount;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The detector on sandbox campaigns with known faults: 120 settled days per campaign, the last
 * {@value #SCAN_DAYS} scanned; every other campaign has one injected fault on a random scanned day (the
 * fault kinds in turn). A fault counts as found when the method reports any anomaly on its day; every
 * anomaly on another day is a false alarm (the sandbox's own days are normal by construction).
 */
final class AnomalyEvaluation {

    static final int HISTORY_DAYS = 120;
    static final int SCAN_DAYS = 28;
    static final LocalDate LAST_DAY = SandboxAccount.END.minusDays(8);

    final Map<AnomalyMethod, Counts> byMethod = new EnumMap<>(AnomalyMethod.class);
    final Counts either = new Counts();
    final Counts both = new Counts();

    final List<Double> normalForestScores = new ArrayList<>();
    final Map<InjectedFault, List<Double>> faultForestScores = new EnumMap<>(InjectedFault.class);

    static AnomalyEvaluation run(List<SandboxAccount> accounts, CampaignAnomalyDetector detector, boolean collectScores) {
        return run(accounts, detector, collectScores, false);
    }

    /**
     * @param asReported judge the days as they were reported on the morning after {@link #LAST_DAY}, as the
     *                   scan sees them (the newest days' late conversions still missing), rather than settled
     */
    static AnomalyEvaluation run(List<SandboxAccount> accounts, CampaignAnomalyDetector detector, boolean collectScores,
                                 boolean asReported) {
        AnomalyEvaluation evaluation = new AnomalyEvaluation();
        for (AnomalyMethod method : AnomalyMethod.values()) {
            evaluation.byMethod.put(method, new Counts());
        }
        InjectedFault[] faults = InjectedFault.values();
        int next = 0;
        for (SandboxAccount account : accounts) {
            SplittableRandom random = new SplittableRandom(account.simulated().accountId().hashCode());
            for (int c = 0; c < account.campaigns().size(); c++) {
                SimulatedCampaign campaign = account.campaigns().get(c);
                LocalDate from = LAST_DAY.minusDays(HISTORY_DAYS - 1);
                List<DayOutcome> days = new ArrayList<>(asReported
                        ? account.reportedOn(LAST_DAY.plusDays(1), campaign.id(), from, LAST_DAY)
                        : account.settled(campaign.id(), from, LAST_DAY));
                InjectedFault fault = null;
                LocalDate faultDay = null;
                if (c % 2 == 1 && !days.isEmpty()) {
                    fault = faults[next++ % faults.length];
                    faultDay = LAST_DAY.minusDays(random.nextInt(SCAN_DAYS));
                    for (int i = 0; i < days.size(); i++) {
                        if (days.get(i).date().equals(faultDay)) {
                            days.set(i, fault.apply(days.get(i)));
                        }
                    }
                }
                evaluation.add(detector, campaign.id(), days, fault, faultDay, collectScores);
            }
        }
        return evaluation;
    }

    private void add(CampaignAnomalyDetector detector, String campaignId, List<DayOutcome> outcomes, InjectedFault fault,
                     LocalDate faultDay, boolean collectScores) {
        List<CampaignDay> days = outcomes.stream().map(AnomalyEvaluation::day).toList();
        LocalDate scanFrom = LAST_DAY.minusDays(SCAN_DAYS - 1);
        List<Anomaly> anomalies = detector.detect(days, scanFrom, campaignId.hashCode());
        int scanned = (int) days.stream().filter(d -> !d.date().isBefore(scanFrom) && d.delivered()).count();
        int normalDays = scanned - (fault != null ? 1 : 0);
        boolean any = false;
        for (AnomalyMethod method : AnomalyMethod.values()) {
            List<Anomaly> mine = anomalies.stream().filter(a -> a.method() == method).toList();
            boolean found = fault != null && mine.stream().anyMatch(a -> a.date().equals(faultDay));
            long falseDays = mine.stream().map(Anomaly::date).filter(d -> !d.equals(faultDay)).distinct().count();
            byMethod.get(method).add(fault, found, falseDays, normalDays);
            any |= found;
        }
        long falseDays = anomalies.stream().map(Anomaly::date).filter(d -> !d.equals(faultDay)).distinct().count();
        either.add(fault, any, falseDays, normalDays);
        // days both methods reported
        Set<LocalDate> zDays = new HashSet<>();
        Set<LocalDate> fDays = new HashSet<>();
        for (Anomaly a : anomalies) {
            (a.method() == AnomalyMethod.Z_SCORE ? zDays : fDays).add(a.date());
        }
        zDays.retainAll(fDays);
        both.add(fault, fault != null && zDays.contains(faultDay), zDays.stream().filter(d -> !d.equals(faultDay)).count(), normalDays);
        if (collectScores) {
            CampaignAnomalyDetector.ForestScores scores = CampaignAnomalyDetector.forestScores(days, scanFrom, campaignId.hashCode());
            scores.byDate().forEach((date, score) -> {
                if (date.equals(faultDay)) {
                    faultForestScores.computeIfAbsent(fault, f -> new ArrayList<>()).add(score);
                } else {
                    normalForestScores.add(score);
                }
            });
        }
    }

    static CampaignDay day(DayOutcome outcome) {
        return new CampaignDay(outcome.date(), outcome.spendMicros() / 1e6, outcome.revenueMicros() / 1e6, outcome.conversions(),
                outcome.impressions(), outcome.clicks());
    }

    /** Faults found and false alarms of one method. */
    static final class Counts {
        final Map<InjectedFault, int[]> found = new EnumMap<>(InjectedFault.class);
        long falseAlarmDays;
        long normalDays;

        void add(InjectedFault fault, boolean detected, long falseDays, int normal) {
            if (fault != null) {
                int[] counts = found.computeIfAbsent(fault, f -> new int[2]);
                counts[0] += detected ? 1 : 0;
                counts[1]++;
            }
            falseAlarmDays += falseDays;
            normalDays += normal;
        }

        double recall(InjectedFault fault) {
            int[] counts = found.get(fault);
            return counts == null ? Double.NaN : (double) counts[0] / counts[1];
        }

        double recall() {
            int hit = 0;
            int all = 0;
            for (int[] counts : found.values()) {
                hit += counts[0];
                all += counts[1];
            }
            return (double) hit / all;
        }

        int faults() {
            return found.values().stream().mapToInt(c -> c[1]).sum();
        }

        /** @return false alarms per 1,000 normal campaign-days */
        double falseAlarmRate() {
            return 1000.0 * falseAlarmDays / normalDays;
        }

        /** @return the share of reported days that were faults */
        double precision() {
            double hits = recall() * faults();
            return hits / (hits + falseAlarmDays);
        }

        String row(String name) {
            StringBuilder row = new StringBuilder("| ").append(name);
            for (InjectedFault fault : InjectedFault.values()) {
                row.append(String.format(Locale.ROOT, " | %.0f %%", 100 * recall(fault)));
            }
            row.append(String.format(Locale.ROOT, " | %.0f %% | %.1f | %.0f %% |", 100 * recall(), falseAlarmRate(), 100 * precision()));
            return row.toString();
        }
    }

    static String header() {
        StringBuilder header = new StringBuilder("| method");
        StringBuilder line = new StringBuilder("|---");
        for (InjectedFault fault : InjectedFault.values()) {
            header.append(" | ").append(fault.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            line.append("|---");
        }
        return header.append(" | all faults found | false alarms per 1,000 days | precision |\n")
                .append(line).append("|---|---|---|").toString();
    }
}
