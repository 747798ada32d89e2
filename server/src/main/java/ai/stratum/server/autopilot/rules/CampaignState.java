package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the rules know about one campaign when they run: its settings on the platform, its recent
 * results and what the autopilot already did to it. Amounts are micros of {@code currency}.
 *
 * @param platform             the ad platform
 * @param accountId            the platform's ad account id
 * @param campaignId           the platform's campaign id
 * @param name                 the campaign name, for reasons a person reads
 * @param status               its delivery status
 * @param budgetMicros         its current budget, in micros; not negative
 * @param budgetPeriod         whether the budget is per day or for the whole flight
 * @param currency             the ISO 4217 code of the budget and of every amount here
 * @param accountZone          the account's time zone, which defines its days
 * @param history              one row per day (dates unique, any order); days before today are
 *                             judged, a row for today is ignored because the day is not over
 * @param spendTodayMicros     spend so far today, in the account's time zone; not negative
 * @param lastActionAt         when the autopilot or a person last changed the campaign
 * @param budgetChangeTodayPct the budget movement already made today: the sum of the sizes of
 *                             today's budget changes, each in percent of the budget it changed;
 *                             not negative
 * @param flight               the days a lifetime budget covers; empty for daily budgets or when
 *                             the platform gives no dates
 */
public record CampaignState(
        Platform platform,
        String accountId,
        String campaignId,
        String name,
        EntityStatus status,
        long budgetMicros,
        BudgetPeriod budgetPeriod,
        String currency,
        ZoneId accountZone,
        List<DailyPerformance> history,
        long spendTodayMicros,
        Optional<Instant> lastActionAt,
        double budgetChangeTodayPct,
        Optional<Flight> flight) {

    /**
     * Creates a campaign's state.
     *
     * @throws IllegalArgumentException when an amount or today's change is negative, the currency
     *                                  is not an ISO 4217 code, or two history rows share a date
     */
    public CampaignState {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(budgetPeriod, "budgetPeriod");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(accountZone, "accountZone");
        Objects.requireNonNull(lastActionAt, "lastActionAt");
        Objects.requireNonNull(flight, "flight");
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an upper-case ISO 4217 code: " + currency);
        }
        Currency.getInstance(currency);
        if (budgetMicros < 0 || spendTodayMicros < 0) {
            throw new IllegalArgumentException("budget and today's spend must not be negative for campaign " + campaignId);
        }
        if (!Double.isFinite(budgetChangeTodayPct) || budgetChangeTodayPct < 0) {
            throw new IllegalArgumentException("today's budget change must be a non-negative percentage, was "
                    + budgetChangeTodayPct);
        }
        history = history.stream().sorted(Comparator.comparing(DailyPerformance::date)).toList();
        requireUniqueDates(history, campaignId);
    }

    /**
     * Creates the state of a campaign without a flight, which is all a daily budget needs.
     *
     * @param platform the ad platform
     * @param accountId the platform's ad account id
     * @param campaignId the platform's campaign id
     * @param name the campaign name
     * @param status its delivery status
     * @param budgetMicros its current budget, in micros
     * @param budgetPeriod whether the budget is per day or for the whole flight
     * @param currency the ISO 4217 code of every amount here
     * @param accountZone the account's time zone
     * @param history one row per day
     * @param spendTodayMicros spend so far today
     * @param lastActionAt when the campaign was last changed
     * @param budgetChangeTodayPct the budget movement already made today, in percent
     */
    public CampaignState(Platform platform, String accountId, String campaignId, String name, EntityStatus status,
            long budgetMicros, BudgetPeriod budgetPeriod, String currency, ZoneId accountZone,
            List<DailyPerformance> history, long spendTodayMicros, Optional<Instant> lastActionAt,
            double budgetChangeTodayPct) {
        this(platform, accountId, campaignId, name, status, budgetMicros, budgetPeriod, currency, accountZone,
                history, spendTodayMicros, lastActionAt, budgetChangeTodayPct, Optional.empty());
    }

    /** Whether the campaign is delivering or allowed to deliver. */
    public boolean isActive() {
        return status == EntityStatus.ACTIVE;
    }

    /**
     * The account's calendar day at an instant.
     *
     * @param now the instant
     * @return the date in the account's time zone
     */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, accountZone);
    }

    private static void requireUniqueDates(List<DailyPerformance> history, String campaignId) {
        Set<LocalDate> seen = new HashSet<>();
        for (DailyPerformance day : history) {
            if (!seen.add(day.date())) {
                throw new IllegalArgumentException("campaign " + campaignId + " has two history rows for " + day.date());
            }
        }
    }
}
