package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.forecast.DailyAmounts;
import ai.stratum.server.ml.forecast.PerformanceForecast;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's history is what it claims, and the forecast it times is a full one. */
class ForecastBenchmarkTest {

    @Test
    void historySpansOneHundredAndTwentyDaysWithABudgetChange() {
        List<DailyAmounts> history = ForecastBenchmark.history();

        assertThat(history).hasSize(120);
        double early = history.subList(0, 70).stream().mapToDouble(DailyAmounts::spend).average().orElseThrow();
        double late = history.subList(90, 120).stream().mapToDouble(DailyAmounts::spend).average().orElseThrow();
        assertThat(late / early).isBetween(1.15, 1.25);
    }

    @Test
    void forecastsEveryDayAskedWithIntervals() {
        ForecastBenchmark benchmark = new ForecastBenchmark();
        benchmark.days = 30;
        benchmark.setUp();

        PerformanceForecast forecast = benchmark.forecast();

        assertThat(forecast.days()).hasSize(30);
        assertThat(forecast.historyDays()).isEqualTo(120);
        assertThat(forecast.days()).allSatisfy(day -> {
            assertThat(day.spend().value()).isBetween(300.0, 420.0);
            assertThat(day.revenue().lower()).isLessThan(day.revenue().upper());
        });
    }
}
