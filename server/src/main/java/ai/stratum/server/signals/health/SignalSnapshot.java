package ai.stratum.server.signals.health;

import ai.stratum.plugin.api.Platform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What is known about one ad account's signals at a moment: the input of
 * {@link SignalHealthCalculator}. Range checks (EMQ within 0-10, no negative revenue, no duplicate
 * dates) belong to the edge that accepts the data and can name the offending input field; the
 * calculator clamps EMQ and CDP readings as the seed does and copes with any finite value.
 *
 * @param platform          the ad platform
 * @param accountId         the platform's account id
 * @param emqScores         event-match-quality readings on the platform's 0-10 scale; empty when none
 * @param lastReceivedAt    when the newest data point was received; empty when none ever was
 * @param platformRevenue   revenue the platform reports for the window, when known
 * @param analyticsRevenue  revenue the analytics source (for example GA4) reports for the same window, when known
 * @param current           today's metrics, when known
 * @param history           previous days' metrics, in any order
 * @param cdpEmqScore       CDP identity-resolution quality on a 0-100 scale, when known
 */
public record SignalSnapshot(Platform platform, String accountId, List<Double> emqScores,
                             Optional<Instant> lastReceivedAt, OptionalDouble platformRevenue,
                             OptionalDouble analyticsRevenue, Optional<DailyMetrics> current,
                             List<DailyMetrics> history, OptionalDouble cdpEmqScore) {

    /**
     * @throws IllegalArgumentException when a number is NaN or infinite
     * @throws NullPointerException     when a component or a list element is null
     */
    public SignalSnapshot {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
        emqScores = List.copyOf(emqScores);
        Objects.requireNonNull(lastReceivedAt, "lastReceivedAt");
        Objects.requireNonNull(platformRevenue, "platformRevenue");
        Objects.requireNonNull(analyticsRevenue, "analyticsRevenue");
        Objects.requireNonNull(current, "current");
        history = List.copyOf(history);
        Objects.requireNonNull(cdpEmqScore, "cdpEmqScore");
        for (Double reading : emqScores) {
            requireFinite("emqScores", reading);
        }
        platformRevenue.ifPresent(value -> requireFinite("platformRevenue", value));
        analyticsRevenue.ifPresent(value -> requireFinite("analyticsRevenue", value));
        cdpEmqScore.ifPresent(value -> requireFinite("cdpEmqScore", value));
    }

    /**
     * A snapshot of an account nothing is known about yet; the {@code with…} methods fill it in.
     *
     * @param platform  the ad platform
     * @param accountId the platform's account id
     * @return a snapshot with no readings, no data time, no revenue, no metrics and no CDP score
     */
    public static SignalSnapshot empty(Platform platform, String accountId) {
        return new SignalSnapshot(platform, accountId, List.of(), Optional.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.empty(), List.of(), OptionalDouble.empty());
    }

    /** @return this snapshot with the given EMQ readings */
    public SignalSnapshot withEmqScores(List<Double> readings) {
        return new SignalSnapshot(platform, accountId, readings, lastReceivedAt, platformRevenue, analyticsRevenue,
                current, history, cdpEmqScore);
    }

    /** @return this snapshot with the given time of the newest data point */
    public SignalSnapshot withLastReceivedAt(Instant receivedAt) {
        return new SignalSnapshot(platform, accountId, emqScores, Optional.of(receivedAt), platformRevenue,
                analyticsRevenue, current, history, cdpEmqScore);
    }

    /** @return this snapshot with the platform's and the analytics source's revenue */
    public SignalSnapshot withRevenue(double platform, double analytics) {
        return new SignalSnapshot(this.platform, accountId, emqScores, lastReceivedAt, OptionalDouble.of(platform),
                OptionalDouble.of(analytics), current, history, cdpEmqScore);
    }

    /** @return this snapshot with today's metrics and the previous days' */
    public SignalSnapshot withMetrics(DailyMetrics today, List<DailyMetrics> previousDays) {
        return new SignalSnapshot(platform, accountId, emqScores, lastReceivedAt, platformRevenue, analyticsRevenue,
                Optional.of(today), previousDays, cdpEmqScore);
    }

    /** @return this snapshot with the CDP identity-quality score */
    public SignalSnapshot withCdpEmqScore(double score) {
        return new SignalSnapshot(platform, accountId, emqScores, lastReceivedAt, platformRevenue, analyticsRevenue,
                current, history, OptionalDouble.of(score));
    }

    /** @return how issues name the account, for example {@code META act_1} */
    public String accountLabel() {
        return platform.name() + " " + accountId;
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
    }
}
