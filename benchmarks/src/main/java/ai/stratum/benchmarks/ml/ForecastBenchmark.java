package ai.stratum.benchmarks.ml;

import ai.stratum.server.ml.forecast.DailyAmounts;
import ai.stratum.server.ml.forecast.Forecaster;
import ai.stratum.server.ml.forecast.PerformanceForecast;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One forecast, end to end, on one thread: {@link Forecaster#forecast} fits two Holt-Winters models
 * (spend on the whole history, revenue on its settled part) by a grid search of their smoothing
 * parameters and forecasts {@code days} days with intervals: the work of one {@code forecast} request
 * on a cache miss, and of one item of the daily forecast job.
 *
 * <p>The history is 120 days drawn once in {@code @Setup} from a fixed seed: spend around 300 a day with
 * a weekly rhythm and 5 % noise, revenue around 900 with 20 % noise, a budget change 40 days back.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(3)
public class ForecastBenchmark {

    static final long SEED = 20_261_202L;
    static final int HISTORY_DAYS = 120;
    static final LocalDate FIRST = LocalDate.of(2026, 8, 1);
    private static final double[] WEEK = {0.94, 0.96, 1.0, 1.02, 1.06, 1.09, 0.98};

    @Param({"30", "90"})
    public int days;

    Forecaster forecaster;
    List<DailyAmounts> history;
    LocalDate settledThrough;
    LocalDate firstDay;

    @Setup(Level.Trial)
    public void setUp() {
        forecaster = new Forecaster();
        history = history();
        firstDay = FIRST.plusDays(HISTORY_DAYS);
        settledThrough = firstDay.minusDays(Forecaster.REVENUE_SETTLING_DAYS + 1L);
    }

    @Benchmark
    public PerformanceForecast forecast() {
        return forecaster.forecast(history, settledThrough, firstDay, days);
    }

    static List<DailyAmounts> history() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<DailyAmounts> history = new ArrayList<>(HISTORY_DAYS);
        for (int i = 0; i < HISTORY_DAYS; i++) {
            LocalDate date = FIRST.plusDays(i);
            double budget = i < HISTORY_DAYS - 40 ? 300 : 360;
            double week = WEEK[date.getDayOfWeek().getValue() - 1];
            double spend = budget * week * (1 + 0.05 * random.nextGaussian());
            double revenue = Math.max(0, 3 * spend * (1 + 0.2 * random.nextGaussian()));
            history.add(new DailyAmounts(date, spend, revenue));
        }
        return history;
    }
}
