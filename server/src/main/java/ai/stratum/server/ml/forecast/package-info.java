/**
 * Forecasts of daily spend, revenue and ROAS with prediction intervals, per campaign or platform:
 * {@link ai.stratum.server.ml.forecast.Forecaster}, an additive Holt-Winters model with a damped trend
 * and a weekly season; {@link ai.stratum.server.ml.forecast.ForecastAccuracy} holds the measures its
 * backtest reports.
 *
 * <p>Plain Java with no framework types.
 */
package ai.stratum.server.ml.forecast;
