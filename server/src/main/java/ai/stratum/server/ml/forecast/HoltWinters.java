package ai.stratum.server.ml.forecast;

import java.util.Arrays;

/**
 * Additive Holt-Winters with a damped trend and a weekly season: exponential smoothing state space
 * model ETS(A,Ad,A) in the error-correction form of Hyndman &amp; Athanasopoulos, <i>Forecasting:
 * Principles and Practice</i> (3rd ed.), §8.3, and Hyndman, Koehler, Ord &amp; Snyder, <i>Forecasting
 * with Exponential Smoothing</i> (2008):
 * <pre>
 *   ŷ(t)  = l(t−1) + φ·b(t−1) + s(t−m)          e(t) = y(t) − ŷ(t)
 *   l(t)  = l(t−1) + φ·b(t−1) + α·e(t)
 *   b(t)  = φ·b(t−1) + β·e(t)
 *   s(t)  = s(t−m) + γ·e(t)
 *   ŷ(T+h) = l(T) + (φ + φ² + … + φʰ)·b(T) + s(T+h−m⌈h/m⌉)
 * </pre>
 * with m = 7. The initial level is the first week's mean, the initial trend the change from the first
 * week's mean to the second's per day, the initial season each first-week day's difference from its
 * week's mean: two full weeks are needed. The smoothing parameters are the grid point (α, β, γ, φ) with
 * the least squared one-step-ahead error after the first week, under the usual constraints 0 ≤ β ≤ α,
 * 0 ≤ γ ≤ 1 − α. The damped trend (φ &lt; 1) flattens as the horizon grows, so a few weeks' drift is
 * not projected straight out over three months.
 *
 * <p>The h-step forecast variance is that of the class-1 model (Hyndman et al. 2008, table 6.1):
 * σ²·(1 + Σ_{j=1}^{h−1} c_j²) with c_j = α + β·(φ + … + φʲ) + γ·[j mod m = 0]. The interval scales it
 * by empirical quantiles of the standardized one-step residuals rather than the normal's, since daily
 * revenue is skewed (whole orders, a floor at zero).
 */
final class HoltWinters {

    static final int PERIOD = 7;
    static final int MIN_OBSERVATIONS = 2 * PERIOD;

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9};
    private static final double[] BETAS = {0, 0.01, 0.05};
    private static final double[] GAMMAS = {0, 0.05, 0.15, 0.3};
    private static final double[] PHIS = {0.8, 0.9, 0.98};
    /** Fewer standardized residuals than this give no usable 10th/90th percentile: the normal's are used. */
    private static final int MIN_RESIDUALS_FOR_QUANTILES = 20;
    private static final double NORMAL_Z_80 = 1.2815515655446004;

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final double level;
    private final double trend;
    private final double[] season;
    private final int observations;
    private final double sigma;
    private final double lowerQuantile;
    private final double upperQuantile;

    private HoltWinters(double[] parameters, double[] y) {
        this.alpha = parameters[0];
        this.beta = parameters[1];
        this.gamma = parameters[2];
        this.phi = parameters[3];
        this.observations = y.length;
        State state = new State(y);
        double[] residuals = new double[y.length - PERIOD];
        state.run(y, alpha, beta, gamma, phi, residuals);
        this.level = state.level;
        this.trend = state.trend;
        this.season = state.season;
        double squares = 0;
        for (double residual : residuals) {
            squares += residual * residual;
        }
        // four smoothing parameters chosen from the same residuals
        this.sigma = Math.sqrt(squares / Math.max(1, residuals.length - 4));
        double[] quantiles = standardizedQuantiles(residuals, sigma);
        this.lowerQuantile = quantiles[0];
        this.upperQuantile = quantiles[1];
    }

    /**
     * @param y at least {@value #MIN_OBSERVATIONS} consecutive daily values, oldest first, all finite
     * @return the model with the best grid parameters, its states after the last value
     */
    static HoltWinters fit(double[] y) {
        if (y.length < MIN_OBSERVATIONS) {
            throw new IllegalArgumentException("Holt-Winters needs " + MIN_OBSERVATIONS + " days, got " + y.length);
        }
        double[] best = null;
        double bestError = Double.POSITIVE_INFINITY;
        State state = new State(y);
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                if (beta > alpha) {
                    continue;
                }
                for (double gamma : GAMMAS) {
                    if (gamma > 1 - alpha) {
                        continue;
                    }
                    for (double phi : PHIS) {
                        state.reset(y);
                        double error = state.run(y, alpha, beta, gamma, phi, null);
                        if (error < bestError) {
                            bestError = error;
                            best = new double[] {alpha, beta, gamma, phi};
                        }
                    }
                }
            }
        }
        return new HoltWinters(best, y);
    }

    /**
     * @param offset days between the last observation and the first day forecast (0: the next day)
     * @param days   how many days to forecast
     * @return the point forecasts and the 80 % interval of each day
     */
    SeriesForecast forecast(int offset, int days) {
        double[] mean = new double[days];
        double[] lower = new double[days];
        double[] upper = new double[days];
        double dampedSum = 0;
        double dampedPower = 1;
        double varianceSum = 0;
        for (int h = 1; h <= offset + days; h++) {
            dampedPower *= phi;
            // the variance of step h sums c_j² for j < h; c_j needs φ_j, which is dampedSum before this step
            if (h > 1) {
                double c = alpha + beta * dampedSum + ((h - 1) % PERIOD == 0 ? gamma : 0);
                varianceSum += c * c;
            }
            dampedSum += dampedPower;
            if (h <= offset) {
                continue;
            }
            int i = h - offset - 1;
            double point = level + dampedSum * trend + season[(observations - 1 + h) % PERIOD];
            double spread = sigma * Math.sqrt(1 + varianceSum);
            mean[i] = point;
            lower[i] = Math.min(point, point + lowerQuantile * spread);
            upper[i] = Math.max(point, point + upperQuantile * spread);
        }
        return new SeriesForecast(mean, lower, upper);
    }

    double[] parameters() {
        return new double[] {alpha, beta, gamma, phi};
    }

    double sigma() {
        return sigma;
    }

    private static double[] standardizedQuantiles(double[] residuals, double sigma) {
        if (residuals.length < MIN_RESIDUALS_FOR_QUANTILES || !(sigma > 0)) {
            return new double[] {-NORMAL_Z_80, NORMAL_Z_80};
        }
        double[] sorted = new double[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            sorted[i] = residuals[i] / sigma;
        }
        Arrays.sort(sorted);
        return new double[] {percentile(sorted, 0.1), percentile(sorted, 0.9)};
    }

    /** Linear interpolation between the closest ranks, as numpy's default. */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    /** The smoothing states, reused across the grid search without allocating. */
    private static final class State {
        double level;
        double trend;
        final double[] season = new double[PERIOD];

        State(double[] y) {
            reset(y);
        }

        void reset(double[] y) {
            double first = 0;
            double second = 0;
            for (int i = 0; i < PERIOD; i++) {
                first += y[i];
                second += y[PERIOD + i];
            }
            first /= PERIOD;
            second /= PERIOD;
            level = first;
            trend = (second - first) / PERIOD;
            for (int i = 0; i < PERIOD; i++) {
                season[i] = y[i] - first;
            }
        }

        /** Runs the recursions over y; returns the squared one-step errors after the first week. */
        double run(double[] y, double alpha, double beta, double gamma, double phi, double[] residuals) {
            double squares = 0;
            for (int t = 0; t < y.length; t++) {
                int k = t % PERIOD;
                double damped = phi * trend;
                double error = y[t] - (level + damped + season[k]);
                level = level + damped + alpha * error;
                trend = damped + beta * error;
                season[k] += gamma * error;
                if (t >= PERIOD) {
                    squares += error * error;
                    if (residuals != null) {
                        residuals[t - PERIOD] = error;
                    }
                }
            }
            return squares;
        }
    }

    /** Point forecasts and interval bounds, one per day forecast. */
    record SeriesForecast(double[] mean, double[] lower, double[] upper) {
    }
}
