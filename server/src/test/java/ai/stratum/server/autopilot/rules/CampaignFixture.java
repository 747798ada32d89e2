package ai.stratum.server.autopilot.rules;

import ai.stratum.plugin.api.BudgetPeriod;
import ai.stratum.plugin.api.EntityStatus;
import ai.stratum.plugin.api.Platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A campaign for rule tests: an active USD 100 daily-budget Meta campaign in UTC with no history,
 * changed by whichever wither a test needs. {@link #NOW} is noon of {@link #TODAY} in UTC.
 */
final class CampaignFixture {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 12);
    static final Instant NOW = Instant.parse("2024-06-12T12:00:00Z");
    static final long USD = 1_000_000L;

    private EntityStatus status = EntityStatus.ACTIVE;
    private long budgetMicros = 100 * USD;
    private BudgetPeriod budgetPeriod = BudgetPeriod.DAILY;
    private String currency = "USD";
    private ZoneId zone = ZoneId.of("UTC");
    private final List<DailyPerformance> history = new ArrayList<>();
    private long spendTodayMicros;
    private Optional<Instant> lastActionAt = Optional.empty();
    private double budgetChangeTodayPct;
    private Optional<Flight> flight = Optional.empty();

    static CampaignFixture campaign() {
        return new CampaignFixture();
    }

    CampaignFixture status(EntityStatus value) {
        status = value;
        return this;
    }

    CampaignFixture budget(long micros) {
        budgetMicros = micros;
        return this;
    }

    CampaignFixture lifetime(Flight value) {
        budgetPeriod = BudgetPeriod.LIFETIME;
        flight = Optional.of(value);
        return this;
    }

    CampaignFixture period(BudgetPeriod value) {
        budgetPeriod = value;
        return this;
    }

    CampaignFixture currency(String value) {
        currency = value;
        return this;
    }

    CampaignFixture zone(String value) {
        zone = ZoneId.of(value);
        return this;
    }

    /** Adds one history row per day for the {@code days} days before {@code today}. */
    CampaignFixture daily(LocalDate today, int days, long spendMicros, long revenueMicros, double conversions) {
        for (int back = 1; back <= days; back++) {
            history.add(new DailyPerformance(today.minusDays(back), spendMicros, revenueMicros, conversions, 1000, 50));
        }
        return this;
    }

    /** Adds one history row per day for the {@code days} days before {@link #TODAY}. */
    CampaignFixture daily(int days, long spendMicros, long revenueMicros, double conversions) {
        return daily(TODAY, days, spendMicros, revenueMicros, conversions);
    }

    CampaignFixture row(DailyPerformance day) {
        history.add(day);
        return this;
    }

    CampaignFixture spentToday(long micros) {
        spendTodayMicros = micros;
        return this;
    }

    CampaignFixture lastActionAt(Instant value) {
        lastActionAt = Optional.of(value);
        return this;
    }

    CampaignFixture changedToday(double pct) {
        budgetChangeTodayPct = pct;
        return this;
    }

    CampaignState build() {
        return new CampaignState(Platform.META, "act_1", "c_1", "Summer sale", status, budgetMicros, budgetPeriod,
                currency, zone, history, spendTodayMicros, lastActionAt, budgetChangeTodayPct, flight);
    }
}
