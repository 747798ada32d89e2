package ai.stratum.server.signals.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Computes one account's {@link SignalHealth} from its {@link SignalSnapshot}, as seed 002 does:
 * EMQ, freshness, variance and anomaly components, CDP identity quality when enabled and known, the
 * weighted overall score and its status. Each component that scores below 100 adds one issue line
 * naming the account and the cause, for example "META act_1: newest data is 36.0 h old".
 *
 * <p>Stateless after construction and safe to share between threads.
 */
public final class SignalHealthCalculator {

    private final TrustSettings settings;
    private final FreshnessComponent freshness;
    private final VarianceComponent variance;
    private final AnomalyComponent anomaly;
    private final ComponentWeights weightsWithoutCdp;
    private final ComponentWeights weightsWithCdp;

    /** @param settings the thresholds and weights to compute with */
    public SignalHealthCalculator(TrustSettings settings) {
        this.settings = settings;
        this.freshness = new FreshnessComponent(settings);
        this.variance = new VarianceComponent(settings);
        this.anomaly = new AnomalyComponent(settings);
        this.weightsWithoutCdp = ComponentWeights.withoutCdp(settings);
        this.weightsWithCdp = ComponentWeights.withCdp(settings);
    }

    /**
     * @param snapshot what is known about the account
     * @param now      the moment the freshness is judged at, which becomes {@link SignalHealth#lastUpdated()}
     * @return the account's health, its overall score within 0-100
     */
    public SignalHealth calculate(SignalSnapshot snapshot, Instant now) {
        ComponentScore emqScore = EmqComponent.score(snapshot.emqScores());
        ComponentScore freshnessScore = freshness.score(snapshot.lastReceivedAt(), now);
        ComponentScore varianceScore = variance.score(snapshot.platformRevenue(), snapshot.analyticsRevenue());
        ComponentScore anomalyScore = anomaly.score(snapshot.current(), snapshot.history());
        OptionalDouble cdp = settings.cdpEnabled() && snapshot.cdpEmqScore().isPresent()
                ? OptionalDouble.of(clampToPercent(snapshot.cdpEmqScore().getAsDouble()))
                : OptionalDouble.empty();

        ComponentWeights weights = cdp.isPresent() ? weightsWithCdp : weightsWithoutCdp;
        double overall = OverallScore.of(weights.overall(emqScore.score(), freshnessScore.score(),
                varianceScore.score(), anomalyScore.score(), cdp.orElse(0.0)));

        List<String> issues = new ArrayList<>(5);
        String account = snapshot.accountLabel();
        addIssue(issues, account, emqScore);
        addIssue(issues, account, freshnessScore);
        addIssue(issues, account, varianceScore);
        addIssue(issues, account, anomalyScore);
        if (cdp.isPresent() && cdp.getAsDouble() < 100.0) {
            issues.add(account + ": CDP identity quality is " + OneDecimal.of(cdp.getAsDouble()) + " / 100");
        }
        return new SignalHealth(overall, emqScore.score(), freshnessScore.score(), varianceScore.score(),
                anomalyScore.score(), cdp, HealthStatus.of(overall, settings), issues, now,
                Optional.of(snapshot.platform()), Optional.of(snapshot.accountId()));
    }

    private static void addIssue(List<String> issues, String account, ComponentScore component) {
        component.cause().ifPresent(cause -> issues.add(account + ": " + cause));
    }

    /** The seed's CDP score is on a 0-100 scale; a reading outside it counts as its nearest end. */
    private static double clampToPercent(double value) {
        return Math.min(100.0, Math.max(0.0, value));
    }
}
