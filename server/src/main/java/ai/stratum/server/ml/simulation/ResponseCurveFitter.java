package ai.stratum.server.ml.simulation;

import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

import java.util.List;

/**
 * Fits {@code revenue = a × (1 − e^(−spend / b))} to a campaign's daily (spend, revenue).
 *
 * <p>For a fixed {@code b} the model is linear in {@code a}, so the fitter first profiles {@code b} over
 * a fine log-spaced grid: each point's best {@code a}, its standard error and its squared error. That
 * grid is what the simulator draws the curve's uncertainty from ({@link FittedResponseCurve}). The least-squares curve
 * itself is then polished from the grid's best point by Commons Math's Levenberg-Marquardt over
 * {@code (ln a, ln b)}, so both stay positive.
 *
 * <p>{@code b} is held within {@value #MIN_SATURATION_SHARE} times the history's mean spend and
 * {@value #MAX_SATURATION_MULTIPLE} times its largest: beyond those the curve is indistinguishable from
 * a flat line or a straight one over the spends seen, and the bounds keep the optimizer from walking off
 * to infinity when the data cannot tell.
 */
final class ResponseCurveFitter {

    static final double MIN_SATURATION_SHARE = 0.05;
    static final double MAX_SATURATION_MULTIPLE = 50;
    /** About 3.5 % apart in {@code b} over the bounds' usual width: finer than any history can resolve. */
    static final int GRID_POINTS = 200;
    private static final int MAX_ITERATIONS = 200;

    private ResponseCurveFitter() {
    }

    /**
     * @param history at least three days with spend, at least two different spends, every amount finite
     *                and >= 0 (the simulator's input has checked)
     * @return the fitted curve with its uncertainty
     */
    static FittedResponseCurve fit(List<DailyPerformance> history) {
        int n = history.size();
        double[] spend = new double[n];
        double[] revenue = new double[n];
        double spendSum = 0;
        double maxSpend = 0;
        for (int i = 0; i < n; i++) {
            spend[i] = history.get(i).spend();
            revenue[i] = history.get(i).revenue();
            spendSum += spend[i];
            maxSpend = Math.max(maxSpend, spend[i]);
        }
        double minB = MIN_SATURATION_SHARE * spendSum / n;
        double maxB = MAX_SATURATION_MULTIPLE * maxSpend;

        double[] saturation = new double[GRID_POINTS];
        double[] ceiling = new double[GRID_POINTS];
        double[] shapeSquares = new double[GRID_POINTS];
        double[] sse = new double[GRID_POINTS];
        double step = Math.log(maxB / minB) / (GRID_POINTS - 1);
        int best = 0;
        for (int k = 0; k < GRID_POINTS; k++) {
            double b = minB * Math.exp(step * k);
            double gr = 0;
            double gg = 0;
            double rr = 0;
            for (int i = 0; i < n; i++) {
                double g = -Math.expm1(-spend[i] / b);
                gr += g * revenue[i];
                gg += g * g;
                rr += revenue[i] * revenue[i];
            }
            saturation[k] = b;
            ceiling[k] = gr / gg;
            shapeSquares[k] = gg;
            // the residual sum of squares of a one-parameter regression through the origin
            sse[k] = Math.max(0, rr - gr * gr / gg);
            if (sse[k] < sse[best]) {
                best = k;
            }
        }

        ResponseCurve curve = polish(spend, revenue, ceiling[best], saturation[best], minB, maxB);
        double curveSse = 0;
        double fittedSum = 0;
        for (int i = 0; i < n; i++) {
            double fitted = curve.revenue(spend[i]);
            curveSse += (revenue[i] - fitted) * (revenue[i] - fitted);
            fittedSum += fitted;
        }
        double minSse = Math.min(curveSse, sse[best]);
        double residualVariance = minSse / Math.max(1, n - 2);
        double relativeNoise = fittedSum > 0 ? Math.sqrt(residualVariance) / (fittedSum / n) : 0;

        double[] weight = new double[GRID_POINTS];
        double[] ceilingSd = new double[GRID_POINTS];
        for (int k = 0; k < GRID_POINTS; k++) {
            weight[k] = residualVariance > 0 ? Math.exp(-(sse[k] - minSse) / (2 * residualVariance)) : (k == best ? 1 : 0);
            ceilingSd[k] = Math.sqrt(residualVariance / shapeSquares[k]);
        }
        return new FittedResponseCurve(curve, saturation, weight, ceiling, ceilingSd, relativeNoise, n);
    }

    /** Levenberg-Marquardt from the grid's best point; the grid's point when there is nothing to polish. */
    private static ResponseCurve polish(double[] spend, double[] revenue, double startA, double startB,
                                        double minB, double maxB) {
        if (!(startA > 0)) {
            // no revenue at all, or revenue that falls with spend: the best ceiling is nothing
            return new ResponseCurve(0, startB);
        }
        double lnMinB = Math.log(minB);
        double lnMaxB = Math.log(maxB);
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(new double[] {Math.log(startA), Math.log(startB)})
                .model(point -> valueAndJacobian(spend, point))
                .target(revenue)
                .parameterValidator(point -> {
                    point.setEntry(1, Math.max(lnMinB, Math.min(lnMaxB, point.getEntry(1))));
                    return point;
                })
                .maxIterations(MAX_ITERATIONS)
                .maxEvaluations(MAX_ITERATIONS * 4)
                .build();
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        return new ResponseCurve(Math.exp(optimum.getPoint().getEntry(0)), Math.exp(optimum.getPoint().getEntry(1)));
    }

    /** Model values and Jacobian at {@code (ln a, ln b)}. */
    private static Pair<RealVector, RealMatrix> valueAndJacobian(double[] spend, RealVector point) {
        double a = Math.exp(point.getEntry(0));
        double b = Math.exp(point.getEntry(1));
        double[] values = new double[spend.length];
        double[][] jacobian = new double[spend.length][2];
        for (int i = 0; i < spend.length; i++) {
            double decay = Math.exp(-spend[i] / b);
            values[i] = a * (1 - decay);
            jacobian[i][0] = values[i];
            jacobian[i][1] = -a * decay * spend[i] / b;
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
