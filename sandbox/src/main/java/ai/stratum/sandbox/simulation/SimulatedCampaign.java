package ai.stratum.sandbox.simulation;

import ai.stratum.plugin.api.EntityStatus;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A campaign's changeable state over time: which daily budget and status held on which day, and the
 * bid of its ad set. A change takes effect from the day it is made, so the days already reported
 * keep their results. Thread-safe: the platform servers read and change it concurrently.
 */
public final class SimulatedCampaign {

    private final CampaignProfile profile;
    private final NavigableMap<LocalDate, Long> dailyBudgetMicrosFrom = new TreeMap<>();
    private final NavigableMap<LocalDate, EntityStatus> statusFrom = new TreeMap<>();
    private long bidMicros;

    SimulatedCampaign(CampaignProfile profile, long dailyBudgetMicros, EntityStatus status, long bidMicros) {
        this.profile = Objects.requireNonNull(profile, "profile");
        dailyBudgetMicrosFrom.put(LocalDate.MIN, dailyBudgetMicros);
        statusFrom.put(LocalDate.MIN, status);
        this.bidMicros = bidMicros;
    }

    /** @return how the campaign responds to spend */
    public CampaignProfile profile() {
        return profile;
    }

    /** @return the campaign's id */
    public String id() {
        return profile.campaignId();
    }

    /** @return the daily budget in force on a day, in micros */
    public synchronized long dailyBudgetMicrosOn(LocalDate day) {
        return dailyBudgetMicrosFrom.floorEntry(day).getValue();
    }

    /** @return the status in force on a day */
    public synchronized EntityStatus statusOn(LocalDate day) {
        return statusFrom.floorEntry(day).getValue();
    }

    /** @return the newest daily budget, in micros */
    public synchronized long dailyBudgetMicros() {
        return dailyBudgetMicrosFrom.lastEntry().getValue();
    }

    /** @return the newest status */
    public synchronized EntityStatus status() {
        return statusFrom.lastEntry().getValue();
    }

    /** @return the ad set's bid, in micros */
    public synchronized long bidMicros() {
        return bidMicros;
    }

    /**
     * @param micros the new daily budget, whole cents
     * @param from   the first day it holds (today)
     */
    public synchronized void setDailyBudget(long micros, LocalDate from) {
        if (micros < 0 || micros % 10_000 != 0) {
            throw new IllegalArgumentException("a daily budget is a non-negative amount of whole cents: " + micros);
        }
        dailyBudgetMicrosFrom.tailMap(from, false).clear();
        dailyBudgetMicrosFrom.put(from, micros);
    }

    /**
     * @param status the new status
     * @param from   the first day it holds (today)
     */
    public synchronized void setStatus(EntityStatus status, LocalDate from) {
        statusFrom.tailMap(from, false).clear();
        statusFrom.put(from, Objects.requireNonNull(status, "status"));
    }

    /** @param micros the ad set's new bid */
    public synchronized void setBid(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("a bid must not be negative: " + micros);
        }
        bidMicros = micros;
    }

    /** @return the budget history, for tests */
    synchronized Map<LocalDate, Long> budgetHistory() {
        return Map.copyOf(dailyBudgetMicrosFrom);
    }
}
