package ai.stratum.server.cdp.churn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated activity whose churn is known by construction: each person has an activity rate (events per
 * day, spread over two orders of magnitude) and a chance of having stopped altogether some days before
 * the cutoff; events are a Poisson process at that rate. A person churned when the process puts no event
 * in the window after the cutoff, so low-rate and stopped people churn and the model can learn it from
 * their history.
 */
public final class ChurnHistories {

    private ChurnHistories() {
    }

    /** One person's event times, all within [cutoff - historyDays, cutoff + windowDays). */
    public record Person(List<Instant> events, boolean stopped) {
    }

    public static List<Person> generate(int people, Instant cutoff, int historyDays, int windowDays, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> all = new ArrayList<>();
        Instant start = cutoff.minus(Duration.ofDays(historyDays));
        Instant end = cutoff.plus(Duration.ofDays(windowDays));
        for (int p = 0; p < people; p++) {
            double perDay = Math.pow(10, -2 + 2 * random.nextDouble()); // 0.01 to 1 a day
            boolean stopped = random.nextDouble() < 0.3;
            Instant stop = stopped ? cutoff.minus(Duration.ofDays(random.nextInt(5, 60))) : end;
            List<Instant> events = new ArrayList<>();
            // the first event is always inside the history, so every person is a profile before the cutoff
            Instant at = start.plusSeconds(random.nextLong(Duration.ofDays(historyDays / 2).toSeconds()));
            while (at.isBefore(end) && at.isBefore(stop)) {
                events.add(at);
                double gapDays = -Math.log(1 - random.nextDouble()) / perDay;
                at = at.plusSeconds((long) (gapDays * 86_400));
            }
            if (events.isEmpty()) {
                events.add(start);
            }
            all.add(new Person(events, stopped));
        }
        return all;
    }
}
