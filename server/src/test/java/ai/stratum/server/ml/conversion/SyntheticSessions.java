package ai.stratum.server.ml.conversion;

import java.util.SplittableRandom;

/**
 * Web sessions drawn from a known model, so a conversion predictor can be measured against the true
 * probability of every session. Deterministic in the seed.
 *
 * <p>How a session is drawn:
 * <ul>
 *   <li>segment NEW 55 %, RETURNING 35 %, HIGH_VALUE 10 %; device MOBILE 60 %, DESKTOP 32 %, TABLET 8 %;
 *   source ORGANIC 35 %, PAID 30 %, DIRECT 20 %, SOCIAL 15 %;</li>
 *   <li>previous purchases: none for NEW, Poisson(1.5) for RETURNING, 3 + Poisson(4) for HIGH_VALUE; days
 *   since the last visit: 0 for NEW, else exponential with a mean of 14 days (7 for HIGH_VALUE);</li>
 *   <li>a hidden shopping intent, standard normal, shifted up 0.3 for RETURNING and 0.8 for HIGH_VALUE and
 *   down 0.3 for SOCIAL traffic: it drives the session's length and its cart;</li>
 *   <li>pages viewed: 1 + Poisson(e^(1.5 + 0.35 intent)); seconds: each page a log-normal dwell of median
 *   30 s (σ 0.8);</li>
 *   <li>a cart with probability logistic(intent - 0.5): 1 + Poisson(1.2) items at a log-normal price of
 *   median 35 (σ 0.6) each; otherwise empty;</li>
 *   <li>converts with probability logistic(z), the true log-odds
 *   {@code z = -5.3 + 2.2 [cart not empty] + 0.5 ln(1 + items) + 0.3 ln(1 + cart / 50)
 *   + 0.35 ln(1 + seconds / 60) + 0.08 min(pages, 25) + 0.45 √min(previous purchases, 16)
 *   - 0.015 min(days since last visit, 90) + device (DESKTOP 0.35, TABLET 0.1)
 *   + source (DIRECT 0.4, ORGANIC 0.2, SOCIAL -0.4) + segment (RETURNING 0.2, HIGH_VALUE 0.6)}.</li>
 * </ul>
 * The intent acts only through the inputs it shapes, so {@code logistic(z)} is each session's exact true
 * probability given its inputs: the best any model can do, reported beside the model's scores.
 */
public final class SyntheticSessions {

    private SyntheticSessions() {
    }

    /**
     * @param seed      makes the sessions reproducible
     * @param sessions  how many
     * @return the sessions with their drawn outcomes, and each session's true probability
     */
    public static Sessions generate(long seed, int sessions) {
        SplittableRandom random = new SplittableRandom(seed);
        SessionDataset.Builder rows = new SessionDataset.Builder();
        double[] truth = new double[sessions];
        for (int i = 0; i < sessions; i++) {
            UserSegment segment = pick(random, UserSegment.values(), 0.55, 0.35, 0.10);
            DeviceType device = pick(random, DeviceType.values(), 0.60, 0.32, 0.08);
            TrafficSource source = pick(random, TrafficSource.values(), 0.35, 0.30, 0.20, 0.15);
            int previousPurchases = switch (segment) {
                case NEW -> 0;
                case RETURNING -> poisson(random, 1.5);
                case HIGH_VALUE -> 3 + poisson(random, 4);
            };
            double daysSinceLastVisit = Math.round(10 * switch (segment) {
                case NEW -> 0;
                case RETURNING -> exponential(random, 14);
                case HIGH_VALUE -> exponential(random, 7);
            }) / 10.0;
            double intent = gaussian(random)
                    + (segment == UserSegment.RETURNING ? 0.3 : segment == UserSegment.HIGH_VALUE ? 0.8 : 0)
                    - (source == TrafficSource.SOCIAL ? 0.3 : 0);
            int pages = 1 + poisson(random, Math.exp(1.5 + 0.35 * intent));
            double seconds = 0;
            for (int p = 0; p < pages; p++) {
                seconds += 30 * Math.exp(0.8 * gaussian(random));
            }
            seconds = Math.round(seconds);
            int items = 0;
            double cart = 0;
            if (random.nextDouble() < logistic(intent - 0.5)) {
                items = 1 + poisson(random, 1.2);
                for (int k = 0; k < items; k++) {
                    cart += 35 * Math.exp(0.6 * gaussian(random));
                }
                cart = Math.round(cart * 100) / 100.0;
            }
            double z = -5.3 + (items > 0 ? 2.2 : 0) + 0.5 * Math.log1p(items) + 0.3 * Math.log1p(cart / 50)
                    + 0.35 * Math.log1p(seconds / 60) + 0.08 * Math.min(pages, 25)
                    + 0.45 * Math.sqrt(Math.min(previousPurchases, 16)) - 0.015 * Math.min(daysSinceLastVisit, 90)
                    + switch (device) {
                        case DESKTOP -> 0.35;
                        case TABLET -> 0.1;
                        case MOBILE -> 0;
                    }
                    + switch (source) {
                        case DIRECT -> 0.4;
                        case ORGANIC -> 0.2;
                        case SOCIAL -> -0.4;
                        case PAID -> 0;
                    }
                    + switch (segment) {
                        case RETURNING -> 0.2;
                        case HIGH_VALUE -> 0.6;
                        case NEW -> 0;
                    };
            SessionFeatures session = new SessionFeatures(seconds, pages, cart, items,
                    daysSinceLastVisit, previousPurchases, device, source, segment);
            boolean converted = random.nextDouble() < logistic(z);
            rows.add(session, converted);
            truth[i] = logistic(z);
        }
        return new Sessions(rows.build(), truth);
    }

    /**
     * @param data            the sessions
     * @param trueProbability each session's true probability of converting given its inputs
     */
    public record Sessions(SessionDataset data, double[] trueProbability) {
    }

    static double logistic(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T[] values, double... shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[shares.length - 1];
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
