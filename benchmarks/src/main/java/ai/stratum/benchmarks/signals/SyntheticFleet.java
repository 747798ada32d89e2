package ai.stratum.benchmarks.signals;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.signals.health.DailyMetrics;
import ai.stratum.server.signals.health.SignalSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Tenants' ad accounts with signals that look like production's, the same for the same seed.
 *
 * <p>Per account: 0-3 EMQ readings around 7 / 10; newest data mostly under a day old, some between one
 * and two days, a few stale or never received; platform revenue within a few percent of analytics,
 * some past the 10 % and 15 % variance thresholds, a few with no analytics revenue; a CDP score for
 * about a third. Daily metrics come from a per-account spend level, CPA and order value with a weekly
 * cycle and day-to-day noise, so the anomaly component computes real means and deviations: low-spend
 * accounts have days without conversions (CPA missing, ROAS 0), a few rows or single metrics are
 * missing, a few accounts are too new for anomaly detection, and about one account in eight has an
 * anomalous day today (a spend spike, lost conversion tracking, or a spend collapse).
 *
 * @param tenants the tenants, each with its accounts
 * @param now     the moment the snapshots were taken; "today" is its UTC date
 */
public record SyntheticFleet(List<Tenant> tenants, Instant now) {

    /** A tenant and its accounts, on any of the platforms. */
    public record Tenant(String tenantId, List<SignalSnapshot> accounts) {
    }

    /** The instant the benchmarks judge freshness at: fixed, so runs are comparable. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static final int MAX_ACCOUNTS_PER_TENANT = 40;
    private static final Platform[] PLATFORMS = {Platform.META, Platform.GOOGLE, Platform.TIKTOK, Platform.SNAPCHAT};
    /** Cumulative platform shares: Meta 40 %, Google 35 %, TikTok 15 %, Snapchat 10 %. */
    private static final double[] PLATFORM_CUMULATIVE_SHARE = {0.40, 0.75, 0.90, 1.0};

    /** @return the number of accounts over all tenants */
    public int accountCount() {
        int count = 0;
        for (Tenant tenant : tenants) {
            count += tenant.accounts().size();
        }
        return count;
    }

    /**
     * @param seed        the random seed; the same seed gives the same fleet
     * @param accounts    how many accounts in all, spread over tenants of 1-40 accounts
     * @param historyDays how many days of history before today each established account has
     * @return the fleet, judged at {@link #NOW}
     */
    public static SyntheticFleet generate(long seed, int accounts, int historyDays) {
        Random random = new Random(seed);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        List<Tenant> tenants = new ArrayList<>();
        int made = 0;
        while (made < accounts) {
            int size = Math.min(accounts - made, 1 + random.nextInt(MAX_ACCOUNTS_PER_TENANT));
            List<SignalSnapshot> snapshots = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                snapshots.add(account(random, "act_" + (made + i + 1), today, historyDays));
            }
            tenants.add(new Tenant("tenant_" + (tenants.size() + 1), List.copyOf(snapshots)));
            made += size;
        }
        return new SyntheticFleet(List.copyOf(tenants), NOW);
    }

    private static SignalSnapshot account(Random random, String accountId, LocalDate today, int historyDays) {
        SignalSnapshot snapshot = SignalSnapshot.empty(platform(random), accountId)
                .withEmqScores(emqReadings(random));
        double received = random.nextDouble();
        if (received < 0.85) {
            snapshot = snapshot.withLastReceivedAt(hoursAgo(random.nextDouble() * 20));
        } else if (received < 0.93) {
            snapshot = snapshot.withLastReceivedAt(hoursAgo(24 + random.nextDouble() * 24));
        } else if (received < 0.97) {
            snapshot = snapshot.withLastReceivedAt(hoursAgo(48 + random.nextDouble() * 72));
        }
        AccountProfile profile = AccountProfile.draw(random);
        boolean isNew = random.nextDouble() < 0.03;
        int days = isNew ? 1 + random.nextInt(6) : historyDays;
        List<DailyMetrics> history = new ArrayList<>(days);
        double revenue = 0;
        for (int ago = 1; ago <= days; ago++) {
            if (random.nextDouble() < 0.02) {
                continue; // a day the collector never delivered
            }
            DailyMetrics day = profile.day(random, today.minusDays(ago));
            history.add(day);
            revenue += day.roas() == null ? 0 : day.roas() * day.spend();
        }
        snapshot = snapshot.withMetrics(profile.today(random, today), history);
        snapshot = withRevenue(random, snapshot, revenue);
        return random.nextDouble() < 0.30 ? snapshot.withCdpEmqScore(50 + random.nextDouble() * 50) : snapshot;
    }

    private static Platform platform(Random random) {
        double draw = random.nextDouble();
        int i = 0;
        while (draw >= PLATFORM_CUMULATIVE_SHARE[i]) {
            i++;
        }
        return PLATFORMS[i];
    }

    /** Mostly one or two readings (pixel, conversions API), on the platforms' 0-10 scale with one decimal. */
    private static List<Double> emqReadings(Random random) {
        double draw = random.nextDouble();
        int count = draw < 0.05 ? 0 : draw < 0.40 ? 1 : draw < 0.85 ? 2 : 3;
        List<Double> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double reading = Math.max(0, Math.min(10, 7.2 + 1.4 * random.nextGaussian()));
            readings.add(Math.round(reading * 10) / 10.0);
        }
        return readings;
    }

    private static Instant hoursAgo(double hours) {
        return NOW.minus(Duration.ofSeconds(Math.round(hours * 3600)));
    }

    /**
     * Analytics revenue over the history window, and the platform's claim of it: most within 10 %, some
     * in the 10-15 % band and past it, a few with nothing from analytics, a few with no revenue known.
     */
    private static SignalSnapshot withRevenue(Random random, SignalSnapshot snapshot, double analytics) {
        double draw = random.nextDouble();
        if (draw < 0.02) {
            return snapshot;
        }
        if (draw < 0.04) {
            return snapshot.withRevenue(analytics, 0);
        }
        double variance = draw < 0.74 ? Math.abs(0.05 * random.nextGaussian())
                : draw < 0.94 ? 0.10 + random.nextDouble() * 0.10
                : 0.20 + random.nextDouble() * 0.40;
        double sign = random.nextDouble() < 0.8 ? 1 : -1; // platforms mostly over-attribute
        return snapshot.withRevenue(analytics * (1 + sign * variance), analytics);
    }

    /** An account's typical day: spend level, cost per acquisition and order value. */
    private record AccountProfile(double dailySpend, double cpa, double orderValue) {

        static AccountProfile draw(Random random) {
            double dailySpend = Math.exp(Math.log(500) + random.nextGaussian());
            double cpa = Math.exp(Math.log(40) + 0.5 * random.nextGaussian());
            double roas = Math.exp(Math.log(3) + 0.4 * random.nextGaussian());
            return new AccountProfile(dailySpend, cpa, cpa * roas);
        }

        /** A weekly cycle (weekends differ by up to 15 %) and 12 % day-to-day noise. */
        DailyMetrics day(Random random, LocalDate date) {
            double weekly = 1 + 0.15 * Math.sin(2 * Math.PI * date.getDayOfWeek().getValue() / 7.0);
            double spend = dailySpend * weekly * Math.max(0.3, 1 + 0.12 * random.nextGaussian());
            return metrics(random, date, spend, 1.0);
        }

        /** Today: a normal day, or (one account in eight) an anomalous one. */
        DailyMetrics today(Random random, LocalDate date) {
            DailyMetrics normal = day(random, date);
            if (random.nextDouble() >= 0.125) {
                return normal;
            }
            double kind = random.nextDouble();
            if (kind < 0.4) {
                return metrics(random, date, normal.spend() * (3 + random.nextDouble() * 2), 1.0); // runaway spend
            }
            if (kind < 0.7) {
                return metrics(random, date, normal.spend(), 0.0); // conversion tracking lost
            }
            return metrics(random, date, normal.spend() * (0.05 + random.nextDouble() * 0.1), 1.0); // delivery stopped
        }

        /**
         * Conversions around spend / CPA with Poisson-like noise; CPA missing on a day without conversions,
         * ROAS 0 then (no revenue is data); 1 % of days miss ROAS (analytics not linked that day).
         */
        private DailyMetrics metrics(Random random, LocalDate date, double spend, double conversionRate) {
            double expected = spend / cpa * conversionRate;
            double conversions = Math.max(0, Math.round(expected + Math.sqrt(expected) * random.nextGaussian()));
            double revenue = conversions * orderValue * Math.max(0.2, 1 + 0.1 * random.nextGaussian());
            double roundedSpend = Math.max(0.01, Math.round(spend * 100) / 100.0);
            Double cpaOfDay = conversions > 0 ? roundedSpend / conversions : null;
            Double roas = random.nextDouble() < 0.01 ? null : revenue / roundedSpend;
            return new DailyMetrics(date, roundedSpend, conversions, cpaOfDay, roas);
        }
    }
}
