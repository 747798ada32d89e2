package ai.stratum.server.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SignalsInput}s with known health under the default settings (seed 002):
 * healthy = 100; degraded = 66 (EMQ 5/10 → 50, data 36 h old → 50, no variance, no history → 90);
 * critical = 17.5 (EMQ 1/10, data 3 days old, revenue off by 100 %, no history).
 */
public final class Signals {

    private Signals() {
    }

    public static Map<String, Object> healthy(String platform, String account, double spend) {
        Map<String, Object> input = base(platform, account, List.of(10.0), Duration.ofHours(1), 1000.0, 1000.0);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        input.put("current", day(today, spend));
        List<Map<String, Object>> history = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            history.add(day(today.minusDays(i), spend));
        }
        input.put("history", history);
        return input;
    }

    public static Map<String, Object> degraded(String platform, String account) {
        return base(platform, account, List.of(5.0), Duration.ofHours(36), null, null);
    }

    public static Map<String, Object> critical(String platform, String account) {
        return base(platform, account, List.of(1.0), Duration.ofDays(3), 2000.0, 1000.0);
    }

    private static Map<String, Object> base(String platform, String account, List<Double> emq, Duration age, Double platformRevenue,
                                            Double analyticsRevenue) {
        Map<String, Object> input = new HashMap<>();
        input.put("platform", platform);
        input.put("accountId", account);
        input.put("emqScores", emq);
        input.put("lastReceivedAt", Instant.now().minus(age).toString());
        if (platformRevenue != null) {
            input.put("platformRevenue", platformRevenue);
            input.put("analyticsRevenue", analyticsRevenue);
        }
        return input;
    }

    private static Map<String, Object> day(LocalDate date, double spend) {
        return Map.of("date", date.toString(), "spend", spend, "conversions", 10.0, "cpa", spend / 10, "roas", 3.0);
    }
}
