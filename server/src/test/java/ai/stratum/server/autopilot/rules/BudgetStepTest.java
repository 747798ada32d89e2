package ai.stratum.server.autopilot.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class BudgetStepTest {

    @ParameterizedTest(name = "{0} {2} % from {1} (step {3}, day {4}, used {5}, caps {6}..{7}, {8}) -> {9} [{10}]")
    @CsvSource(nullValues = "none", value = {
            // the change asked for, inside every limit
            "UP,   100000000, 10,    20,  50,  0,  none,     none,      USD, 110000000, ''",
            "DOWN, 100000000, 10,    20,  50,  0,  none,     none,      USD, 90000000,  ''",
            // step limit
            "UP,   100000000, 40,    20,  50,  0,  none,     none,      USD, 120000000, step limit 20 %",
            "DOWN, 100000000, 40,    20,  50,  0,  none,     none,      USD, 80000000,  step limit 20 %",
            // what is left of the day's limit
            "UP,   100000000, 40,    20,  50,  35, none,     none,      USD, 115000000, 15 % left of the 50 % daily limit",
            "DOWN, 100000000, 40,    20,  50,  45, none,     none,      USD, 95000000,  5 % left of the 50 % daily limit",
            "UP,   100000000, 40,    20,  50,  49.5, none,   none,      USD, 100500000, 0.5 % left of the 50 % daily limit",
            "UP,   100000000, 40,    20,  50,  50, none,     none,      USD, none,      ''",
            "DOWN, 100000000, 40,    20,  50,  80, none,     none,      USD, none,      ''",
            // budget caps
            "UP,   100000000, 40,    20,  50,  0,  none,     110000000, USD, 110000000, maximum budget 110.00 USD",
            "UP,   110000000, 40,    20,  50,  0,  none,     110000000, USD, none,      ''",
            "UP,   120000000, 10,    20,  50,  0,  none,     110000000, USD, none,      ''",
            "UP,   100000000, 10,    20,  50,  0,  none,     110005000, USD, 110000000, ''",
            "DOWN, 100000000, 40,    20,  50,  0,  90000000, none,      USD, 90000000,  minimum budget 90.00 USD",
            "DOWN, 90000000,  40,    20,  50,  0,  90000000, none,      USD, none,      ''",
            "DOWN, 100000000, 40,    20,  50,  0,  89995000, none,      USD, 90000000,  minimum budget 90.00 USD",
            "UP,   50000000,  10,    20,  50,  0,  90000000, none,      USD, 55000000,  ''",
            // rounding to whole cents, toward the current budget
            "UP,   123456789, 10,    20,  50,  0,  none,     none,      USD, 135800000, ''",
            "DOWN, 123456789, 10,    20,  50,  0,  none,     none,      USD, 111120000, ''",
            "UP,   100000000, 0.001, 20,  50,  0,  none,     none,      USD, none,      ''",
            // never zero or below
            "DOWN, 1000000,   100,   100, 100, 0,  none,     none,      USD, 10000,     smallest budget 0.01 USD",
            "DOWN, 10000,     50,    100, 100, 0,  none,     none,      USD, none,      ''",
            "UP,   0,         50,    20,  50,  0,  none,     none,      USD, none,      ''",
            "UP,   100000000, 0,     20,  50,  0,  none,     none,      USD, none,      ''",
            // whole yen: JPY has no minor unit
            "UP,   1234000000, 10,   20,  50,  0,  none,     none,      JPY, 1357000000, ''",
            "DOWN, 1234000000, 10,   20,  50,  0,  none,     none,      JPY, 1111000000, ''"})
    void appliesEveryLimitAndRoundsTowardTheCurrentBudget(BudgetDirection direction, long current, String wanted,
            double step, double day, double usedToday, Long min, Long max, String currency, Long expected,
            String limitedBy) {
        CampaignState campaign = CampaignFixture.campaign().budget(current).currency(currency).changedToday(usedToday)
                .build();
        RuleSettings settings = RuleSettings.builder(RuleType.PERFORMANCE_SCALING)
                .maxChangePerStepPct(step).maxChangePerDayPct(day)
                .minBudgetMicros(min == null ? OptionalLong.empty() : OptionalLong.of(min))
                .maxBudgetMicros(max == null ? OptionalLong.empty() : OptionalLong.of(max))
                .build();

        Optional<BudgetMove> move = BudgetStep.plan(campaign, settings, direction, new BigDecimal(wanted));

        if (expected == null) {
            assertThat(move).isEmpty();
            return;
        }
        assertThat(move).hasValueSatisfying(m -> {
            assertThat(m.direction()).isEqualTo(direction);
            assertThat(m.previousMicros()).isEqualTo(current);
            assertThat(m.newMicros()).isEqualTo(expected);
            assertThat(m.changePct()).isCloseTo((expected - current) * 100.0 / current,
                    offset(1e-9));
            assertThat(m.limitedBy()).isEqualTo(limitedBy);
        });
    }

    @ParameterizedTest(name = "{0} budgets round to {1} micros")
    @CsvSource({"USD, 10000", "EUR, 10000", "JPY, 1000000", "KRW, 1000000", "KWD, 10000", "XAU, 10000"})
    void roundsToWholeCentsOrCoarserMinorUnits(String currency, long unit) {
        assertThat(BudgetStep.billingUnitMicros(currency)).isEqualTo(unit);
    }
}
