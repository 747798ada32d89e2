package ai.stratum.server.ml.forecast;

import ai.stratum.server.ml.InvalidMlInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForecasterTest {

    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 6, 1);
    /** Weekday offsets that sum to zero, Monday first. */
    private static final double[] WEEK = {-12, -8, -2, 0, 6, 12, 4};

    /** Every day's revenue is complete, unless a test says otherwise. */
    private static final LocalDate SETTLED = LocalDate.MAX;

    private final Forecaster forecaster = new Forecaster();

    @Test
    void continuesAnExactWeeklyPatternExactly() {
        List<DailyAmounts> history = history(84, day -> 100 + WEEK[day % 7], day -> 300 + 3 * WEEK[day % 7]);

        PerformanceForecast forecast = forecaster.forecast(history, SETTLED, START.plusDays(84), 14);

        assertThat(forecast.days()).hasSize(14);
        for (ForecastDay day : forecast.days()) {
            int weekday = day.date().getDayOfWeek().getValue() - 1;
            assertThat(day.spend().value()).isCloseTo(100 + WEEK[weekday], within(1e-6));
            assertThat(day.revenue().value()).isCloseTo(300 + 3 * WEEK[weekday], within(1e-6));
            assertThat(day.roas().value()).isCloseTo((300 + 3 * WEEK[weekday]) / (100 + WEEK[weekday]), within(1e-6));
            assertThat(day.spend().upper() - day.spend().lower()).isLessThan(1e-6);
        }
        assertThat(forecast.method()).isEqualTo(Forecaster.METHOD);
        assertThat(forecast.intervalLevel()).isEqualTo(0.8);
        assertThat(forecast.historyDays()).isEqualTo(84);
        assertThat(forecast.historyEnd()).isEqualTo(START.plusDays(83));
    }

    @Test
    void followsALevelThatMovedTwoWeeksAgo() {
        // spend doubled from 100 to 200 two weeks before the forecast, with a little noise
        SplittableRandom random = new SplittableRandom(3);
        List<DailyAmounts> history = history(70, day -> (day < 56 ? 100 : 200) + random.nextGaussian() * 3,
                day -> 500 + random.nextGaussian() * 20);

        PerformanceForecast forecast = forecaster.forecast(history, SETTLED, START.plusDays(70), 7);

        assertThat(forecast.days()).allSatisfy(day -> assertThat(day.spend().value()).isCloseTo(200, within(15.0)));
    }

    @Test
    void coversAboutEightyPercentOfNormalNoiseWithItsIntervals() {
        SplittableRandom random = new SplittableRandom(42);
        int inside = 0;
        int total = 0;
        for (int run = 0; run < 200; run++) {
            double[] future = new double[14];
            List<DailyAmounts> all = history(120 + 14, day -> 200 + 2 * WEEK[day % 7] + 20 * random.nextGaussian(), day -> 0);
            for (int i = 0; i < 14; i++) {
                future[i] = all.get(120 + i).spend();
            }
            PerformanceForecast forecast = forecaster.forecast(all.subList(0, 120), SETTLED, START.plusDays(120), 14);
            for (int i = 0; i < 14; i++) {
                ForecastValue spend = forecast.days().get(i).spend();
                inside += future[i] >= spend.lower() && future[i] <= spend.upper() ? 1 : 0;
                total++;
            }
        }
        assertThat((double) inside / total).isBetween(0.74, 0.86);
    }

    @Test
    void widensItsIntervalsWithTheHorizon() {
        SplittableRandom random = new SplittableRandom(7);
        List<DailyAmounts> history = history(90, day -> 100 + WEEK[day % 7] + 8 * random.nextGaussian(),
                day -> 400 + 40 * random.nextGaussian());

        List<ForecastDay> days = forecaster.forecast(history, SETTLED, START.plusDays(90), 60).days();

        double firstWidth = days.get(0).revenue().upper() - days.get(0).revenue().lower();
        double lastWidth = days.get(59).revenue().upper() - days.get(59).revenue().lower();
        assertThat(lastWidth).isGreaterThanOrEqualTo(firstWidth);
        assertThat(days).allSatisfy(day -> {
            assertThat(day.revenue().lower()).isLessThanOrEqualTo(day.revenue().value());
            assertThat(day.revenue().upper()).isGreaterThanOrEqualTo(day.revenue().value());
        });
    }

    @Test
    void forecastsFromAGapWhenTheNewestDaysAreLeftOut() {
        List<DailyAmounts> history = history(63, day -> 100 + WEEK[day % 7], day -> 250);

        PerformanceForecast forecast = forecaster.forecast(history, SETTLED, START.plusDays(66), 3);

        assertThat(forecast.days()).extracting(ForecastDay::date)
                .containsExactly(START.plusDays(66), START.plusDays(67), START.plusDays(68));
        assertThat(forecast.days().get(0).spend().value())
                .isCloseTo(100 + WEEK[START.plusDays(66).getDayOfWeek().getValue() - 1], within(1e-6));
    }

    @Test
    void dropsTheDaysBeforeTheCampaignFirstSpent() {
        List<DailyAmounts> history = history(40, day -> day < 20 ? 0 : 100, day -> day < 20 ? 0 : 300);

        PerformanceForecast forecast = forecaster.forecast(history, SETTLED, START.plusDays(40), 1);

        assertThat(forecast.historyDays()).isEqualTo(20);
        assertThat(forecast.days().get(0).spend().value()).isCloseTo(100, within(1e-6));
    }

    @Test
    void forecastsNothingForACampaignThatStoppedSpending() {
        List<DailyAmounts> history = history(60, day -> day < 30 ? 100 : 0, day -> day < 30 ? 300 : 0);

        PerformanceForecast forecast = forecaster.forecast(history, SETTLED, START.plusDays(60), 7);

        assertThat(forecast.days()).allSatisfy(day -> {
            assertThat(day.spend().value()).isCloseTo(0, within(1.0));
            assertThat(day.spend().lower()).isGreaterThanOrEqualTo(0);
            assertThat(day.revenue().lower()).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void saysRoasIsZeroWhenNoSpendIsForecast() {
        List<DailyAmounts> history = history(28, day -> 0, day -> 50);

        ForecastDay day = forecaster.forecast(history, SETTLED, START.plusDays(28), 1).days().get(0);

        assertThat(day.spend().value()).isZero();
        assertThat(day.revenue().value()).isCloseTo(50, within(1e-6));
        assertThat(day.roas()).isEqualTo(new ForecastValue(0, 0, 0));
    }

    @ParameterizedTest(name = "{0} days are refused")
    @ValueSource(ints = {-1, 0, 91, 1000})
    void refusesDaysOutsideOneToNinety(int days) {
        List<DailyAmounts> history = history(28, day -> 100, day -> 300);

        assertThatThrownBy(() -> forecaster.forecast(history, SETTLED, START.plusDays(28), days))
                .isInstanceOfSatisfying(InvalidMlInputException.class, e -> assertThat(e.field()).isEqualTo("days"))
                .hasMessageContaining("must be 1 to 90, was " + days);
    }

    @ParameterizedTest(name = "{0} days since the first spend are too few")
    @ValueSource(ints = {0, 1, 13})
    void refusesLessThanTwoWeeksOfHistory(int days) {
        List<DailyAmounts> history = history(30, day -> day < 30 - days ? 0 : 100, day -> 0);

        assertThatThrownBy(() -> forecaster.forecast(history, SETTLED, START.plusDays(30), 7))
                .isInstanceOfSatisfying(InvalidMlInputException.class, e -> assertThat(e.field()).isEqualTo("history"))
                .hasMessageContaining("has " + days + " settled days since the first spend or revenue; a forecast needs 14");
    }

    @Test
    void refusesDaysThatAreNotConsecutive() {
        List<DailyAmounts> history = new ArrayList<>(history(20, day -> 100, day -> 300));
        history.remove(5);

        assertThatThrownBy(() -> forecaster.forecast(history, SETTLED, START.plusDays(20), 7))
                .isInstanceOfSatisfying(InvalidMlInputException.class, e -> assertThat(e.field()).isEqualTo("history[5].date"));
    }

    @ParameterizedTest(name = "an amount of {0} is refused")
    @ValueSource(doubles = {-0.01, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesAmountsThatAreNegativeOrNotNumbers(double amount) {
        List<DailyAmounts> history = new ArrayList<>(history(20, day -> 100, day -> 300));
        history.set(3, new DailyAmounts(history.get(3).date(), 100, amount));

        assertThatThrownBy(() -> forecaster.forecast(history, SETTLED, START.plusDays(20), 7))
                .isInstanceOfSatisfying(InvalidMlInputException.class, e -> assertThat(e.field()).isEqualTo("history[3].revenue"));
    }

    @Test
    void refusesAFirstDayInsideTheHistory() {
        List<DailyAmounts> history = history(20, day -> 100, day -> 300);

        assertThatIllegalArgumentException().isThrownBy(() -> forecaster.forecast(history, SETTLED, START.plusDays(19), 7));
    }

    @Test
    void fitsRevenueOnlyToSettledDaysAndSpendToAll() {
        // the last five days' revenue is still arriving (half of it in); spend is final
        List<DailyAmounts> history = history(63, day -> day < 56 ? 100 : 150, day -> day < 58 ? 300 : 150);

        PerformanceForecast forecast = forecaster.forecast(history, START.plusDays(57), START.plusDays(63), 7);

        assertThat(forecast.days()).allSatisfy(day -> {
            assertThat(day.revenue().value()).isCloseTo(300, within(1e-6));
            assertThat(day.spend().value()).isGreaterThan(125);
        });
        assertThat(forecast.historyEnd()).isEqualTo(START.plusDays(62));
    }

    @Test
    void refusesWhenTooFewDaysAreSettled() {
        List<DailyAmounts> history = history(30, day -> 100, day -> 300);

        assertThatThrownBy(() -> forecaster.forecast(history, START.plusDays(12), START.plusDays(30), 7))
                .isInstanceOfSatisfying(InvalidMlInputException.class, e -> assertThat(e.field()).isEqualTo("history"))
                .hasMessageContaining("has 13 settled days");
    }

    @Test
    void startsFromAMonday() {
        assertThat(START.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    private static List<DailyAmounts> history(int days, IntToDoubleFunction spend, IntToDoubleFunction revenue) {
        List<DailyAmounts> history = new ArrayList<>(days);
        for (int day = 0; day < days; day++) {
            history.add(new DailyAmounts(START.plusDays(day), spend.applyAsDouble(day), revenue.applyAsDouble(day)));
        }
        return history;
    }
}
