package ai.stratum.sandbox.simulation;

import ai.stratum.plugin.api.EntityStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated ad account: its campaigns, their results day by day as the platform would report
 * them now (today's still growing, the last days' conversions still arriving), the event-match
 * quality of its datasets and how fresh its data is. Thread-safe.
 */
public final class SimulatedAccount {

    /** How long after the fact a platform's reports show delivery, on a good day. */
    public static final Duration REPORTING_DELAY = Duration.ofHours(3);

    private final String accountId;
    private final String name;
    private final String currency;
    private final ZoneId zone;
    private final Clock clock;
    private final long seed;
    private final Map<String, SimulatedCampaign> campaigns;
    private final Map<String, Double> datasetEmq = new ConcurrentHashMap<>();
    private volatile Duration extraStaleness = Duration.ZERO;

    SimulatedAccount(String accountId, String name, String currency, ZoneId zone, Clock clock, long seed,
                     List<SimulatedCampaign> campaigns, Map<String, Double> datasetEmq) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.name = Objects.requireNonNull(name, "name");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seed = seed;
        Map<String, SimulatedCampaign> byId = new LinkedHashMap<>();
        campaigns.forEach(campaign -> byId.put(campaign.id(), campaign));
        this.campaigns = Collections.unmodifiableMap(byId);
        this.datasetEmq.putAll(datasetEmq);
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    /** @return the ISO 4217 code every amount of the account is in */
    public String currency() {
        return currency;
    }

    /** @return the time zone the account's days are in */
    public ZoneId zone() {
        return zone;
    }

    /** @return the account's campaigns, in a stable order */
    public List<SimulatedCampaign> campaigns() {
        return List.copyOf(campaigns.values());
    }

    /** @return the campaign with that id */
    public Optional<SimulatedCampaign> campaign(String campaignId) {
        return Optional.ofNullable(campaigns.get(campaignId));
    }

    /** @return the campaign whose ad set has that id */
    public Optional<SimulatedCampaign> campaignOfAdSet(String adSetId) {
        return campaigns.values().stream().filter(c -> c.profile().adSetId().equals(adSetId)).findFirst();
    }

    /** @return today in the account's time zone */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** @return the clock the account lives by */
    public Clock clock() {
        return clock;
    }

    /**
     * The time of the newest data in the account's reports: now less the reporting delay, and less
     * any staleness a fault added.
     *
     * @return that instant
     */
    public Instant newestDataAt() {
        return clock.instant().minus(REPORTING_DELAY).minus(extraStaleness);
    }

    /** @param staleness how much older than usual the account's data is to be, zero to restore */
    public void makeStale(Duration staleness) {
        this.extraStaleness = Objects.requireNonNull(staleness, "staleness");
    }

    /** @return each dataset's event-match quality, 0-10 */
    public Map<String, Double> datasetEmq() {
        return Map.copyOf(datasetEmq);
    }

    /** @param score every dataset's event-match quality from now on, 0-10 */
    public void setEmq(double score) {
        if (!(score >= 0 && score <= 10)) {
            throw new IllegalArgumentException("event match quality is 0-10: " + score);
        }
        datasetEmq.replaceAll((dataset, old) -> score);
    }

    /**
     * The campaign's daily results in the range as reported now: no days before it started, after
     * the newest data, or while it was not active; today's partial.
     *
     * @param campaignId the campaign
     * @param from       the first day, inclusive
     * @param to         the last day, inclusive
     * @return one outcome per day with delivery, in date order
     */
    public List<DayOutcome> report(String campaignId, LocalDate from, LocalDate to) {
        SimulatedCampaign campaign = campaign(campaignId)
                .orElseThrow(() -> new IllegalArgumentException("no campaign " + campaignId + " in " + accountId));
        ZonedDateTime newest = newestDataAt().atZone(zone);
        LocalDate lastDay = newest.toLocalDate();
        LocalDate first = from.isBefore(campaign.profile().startDate()) ? campaign.profile().startDate() : from;
        LocalDate last = to.isAfter(lastDay) ? lastDay : to;
        LocalDate today = today();
        List<DayOutcome> outcomes = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (campaign.statusOn(day) != EntityStatus.ACTIVE) {
                continue;
            }
            double share = day.equals(lastDay) ? shareOfDay(newest) : 1.0;
            DayOutcome outcome = DayResults.draw(campaign.profile(), day, campaign.dailyBudgetMicrosOn(day), share,
                    ChronoUnit.DAYS.between(day, today), seed);
            if (outcome.spendMicros() > 0 || outcome.impressions() > 0) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /** @return every campaign's results in the range, campaign by campaign */
    public List<DayOutcome> report(LocalDate from, LocalDate to) {
        List<DayOutcome> all = new ArrayList<>();
        for (SimulatedCampaign campaign : campaigns.values()) {
            all.addAll(report(campaign.id(), from, to));
        }
        return all;
    }

    private static double shareOfDay(ZonedDateTime at) {
        return at.toLocalTime().toSecondOfDay() / 86_400.0;
    }
}
