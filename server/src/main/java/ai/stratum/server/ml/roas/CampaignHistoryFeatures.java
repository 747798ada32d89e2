package ai.stratum.server.ml.roas;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a campaign's daily performance into ROAS training rows: for each day with spend, the features as
 * they stood the evening before (see {@link RoasFeatures} for each definition) and that day's ROAS as the
 * label. A day is used when the campaign had delivered for the {@value #HISTORY_DAYS} days before it (the
 * seed's "30 days history"), spent something in the last 7 of them, and lies before the settled cut-off:
 * a day's conversions keep arriving for the attribution window, so newer days' ROAS is not final.
 *
 * <p>The daily rows carry neither the audience size nor the creative's fatigue score. Where they are known
 * from elsewhere (the simulator knows them) a {@link CampaignFacts} supplies them; with
 * {@link CampaignFacts#UNKNOWN} those two columns are missing (NaN), so a model trained only on such rows
 * learns nothing from them.
 */
public final class CampaignHistoryFeatures {

    /** Days of history a row needs, and the long ROAS window. */
    public static final int HISTORY_DAYS = 30;
    /** The short window: ROAS, spend velocity, CTR and conversion rate. */
    public static final int RECENT_DAYS = 7;

    private CampaignHistoryFeatures() {
    }

    /**
     * @param history     the campaign
     * @param settledFrom the first day whose results are not yet final; rows are made only for days before it
     * @param facts       what is known of the campaign beside its daily rows
     * @param rows        where to add them
     * @return how many rows were added
     */
    public static int addRows(CampaignHistory history, LocalDate settledFrom, CampaignFacts facts,
                              RoasDataset.Builder rows) {
        return addRows(history, settledFrom, facts, rows, date -> { });
    }

    /**
     * The same, telling {@code added} the day of each row as it is added, in order.
     */
    public static int addRows(CampaignHistory history, LocalDate settledFrom, CampaignFacts facts,
                              RoasDataset.Builder rows, Consumer<LocalDate> added) {
        if (history.days().isEmpty()) {
            return 0;
        }
        Window window = Window.of(history);
        int count = 0;
        float[] row = new float[RoasEncoding.WIDTH];
        for (int i = HISTORY_DAYS; i < window.length(); i++) {
            LocalDate date = window.date(i);
            if (!date.isBefore(settledFrom) || !(window.spend[i] > 0)) {
                continue;
            }
            if (features(history, window, i, facts, row)) {
                rows.add(row, window.revenue[i] / window.spend[i]);
                added.accept(date);
                count++;
            }
        }
        return count;
    }

    /**
     * The features for predicting a day, from the history before it.
     *
     * @param history the campaign
     * @param date    the day to predict
     * @return the features, when the history has 30 days before the date and spend in its last 7
     */
    public static Optional<RoasFeatures> featuresFor(CampaignHistory history, LocalDate date) {
        if (history.days().isEmpty()) {
            return Optional.empty();
        }
        Window window = Window.of(history, date);
        int i = window.index(date);
        float[] row = new float[RoasEncoding.WIDTH];
        if (i < HISTORY_DAYS || !features(history, window, i, CampaignFacts.UNKNOWN, row)) {
            return Optional.empty();
        }
        return Optional.of(new RoasFeatures(row[0], row[1], row[2], row[3], row[4],
                Float.isNaN(row[5]) ? 0 : row[5], history.platform(), RoasFeatures.weekday(date), date,
                Double.NaN, Double.NaN));
    }

    /** Writes the features for day {@code i} from days {@code i - 30 … i - 1}; false when undefined. */
    private static boolean features(CampaignHistory history, Window w, int i, CampaignFacts facts, float[] row) {
        double spend7 = w.sum(w.spend, i - RECENT_DAYS, i);
        double spend30 = w.sum(w.spend, i - HISTORY_DAYS, i);
        if (!(spend7 > 0) || !(spend30 > 0) || w.firstDelivery > i - HISTORY_DAYS) {
            return false;
        }
        double impressions7 = w.sum(w.impressions, i - RECENT_DAYS, i);
        double impressionsBefore = w.sum(w.impressions, i - 2 * RECENT_DAYS, i - RECENT_DAYS);
        double clicks7 = w.sum(w.clicks, i - RECENT_DAYS, i);
        double growth = impressionsBefore > 0 ? impressions7 / impressionsBefore - 1 : Double.NaN;
        RoasEncoding.encode(
                w.sum(w.revenue, i - RECENT_DAYS, i) / spend7,
                w.sum(w.revenue, i - HISTORY_DAYS, i) / spend30,
                spend7 / RECENT_DAYS,
                impressions7 > 0 ? clicks7 / impressions7 : 0,
                clicks7 > 0 ? w.sum(w.conversions, i - RECENT_DAYS, i) / clicks7 : 0,
                growth,
                history.platform(), w.date(i), facts.audienceSize(), facts.creativeFatigueScore(w.date(i)), row, 0);
        return true;
    }

    /** The history laid out one slot per calendar day, zero where there is no row. */
    private static final class Window {
        final LocalDate first;
        final double[] spend;
        final double[] revenue;
        final double[] impressions;
        final double[] clicks;
        final double[] conversions;
        /** The first slot with spend; past the end when there is none. */
        int firstDelivery = Integer.MAX_VALUE;

        private Window(LocalDate first, int length) {
            this.first = first;
            spend = new double[length];
            revenue = new double[length];
            impressions = new double[length];
            clicks = new double[length];
            conversions = new double[length];
        }

        static Window of(CampaignHistory history) {
            return of(history, history.days().get(history.days().size() - 1).date());
        }

        /** Covers the history's first day to {@code last}, inclusive. */
        static Window of(CampaignHistory history, LocalDate last) {
            LocalDate first = history.firstDay();
            int length = (int) Math.max(0, ChronoUnit.DAYS.between(first, last) + 1);
            Window window = new Window(first, length);
            for (CampaignDay day : history.days()) {
                int i = (int) ChronoUnit.DAYS.between(first, day.date());
                if (i >= length) {
                    break;
                }
                window.spend[i] = day.spend();
                window.revenue[i] = day.revenue();
                window.impressions[i] = day.impressions();
                window.clicks[i] = day.clicks();
                window.conversions[i] = day.conversions();
                if (day.spend() > 0 && i < window.firstDelivery) {
                    window.firstDelivery = i;
                }
            }
            return window;
        }

        int length() {
            return spend.length;
        }

        LocalDate date(int i) {
            return first.plusDays(i);
        }

        int index(LocalDate date) {
            return (int) ChronoUnit.DAYS.between(first, date);
        }

        double sum(double[] values, int from, int to) {
            double sum = 0;
            for (int k = Math.max(0, from); k < Math.min(to, values.length); k++) {
                sum += values[k];
            }
            return sum;
        }
    }
}
