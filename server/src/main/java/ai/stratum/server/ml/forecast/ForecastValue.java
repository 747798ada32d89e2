package ai.stratum.server.ml.forecast;

/**
 * A forecast amount and its prediction interval.
 *
 * @param value the point forecast
 * @param lower the interval's lower bound (the 10th percentile for the 80 % interval)
 * @param upper the interval's upper bound (the 90th percentile)
 */
public record ForecastValue(double value, double lower, double upper) {
}
