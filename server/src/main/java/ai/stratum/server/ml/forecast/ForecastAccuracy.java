package ai.stratum.server.ml.forecast;

/**
 * The accuracy measures a forecast is judged by (Hyndman &amp; Koehler, "Another look at measures of
 * forecast accuracy", 2006): MAPE, MASE against the in-sample seasonal-naive forecast, and how often
 * the intervals held the actual value.
 */
public final class ForecastAccuracy {

    private ForecastAccuracy() {
    }

    /**
     * @return the mean absolute percentage error over the days whose actual value is above 0 (a
     *         percentage of nothing is undefined), in percent; NaN when there is no such day
     */
    public static double mape(double[] actual, double[] forecast) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] > 0) {
                sum += Math.abs(actual[i] - forecast[i]) / actual[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : 100 * sum / count;
    }

    /**
     * The MASE denominator: the mean absolute error of the seasonal-naive forecast (each day predicted
     * by the same weekday a week before) over the history.
     *
     * @return that error; NaN when the history is shorter than two periods
     */
    public static double seasonalNaiveScale(double[] history, int period) {
        if (history.length <= period) {
            return Double.NaN;
        }
        double sum = 0;
        for (int t = period; t < history.length; t++) {
            sum += Math.abs(history[t] - history[t - period]);
        }
        return sum / (history.length - period);
    }

    /** @return the mean absolute error over the scale: below 1 beats the in-sample seasonal-naive forecast */
    public static double mase(double[] actual, double[] forecast, double scale) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            sum += Math.abs(actual[i] - forecast[i]);
        }
        return sum / actual.length / scale;
    }

    /** @return the share of days whose actual value lies within [lower, upper] */
    public static double coverage(double[] actual, double[] lower, double[] upper) {
        int inside = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] >= lower[i] && actual[i] <= upper[i]) {
                inside++;
            }
        }
        return (double) inside / actual.length;
    }
}
