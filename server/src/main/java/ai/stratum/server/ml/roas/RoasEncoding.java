package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;

import java.time.LocalDate;
import java.util.List;

/**
 * The ROAS model's input columns: seed 001's eleven features with the platform one-hot encoded (one
 * column per platform, as the seed's comment says) and the date turned into the seed's season, its
 * quarter 1-4. Fourteen columns in all; NaN is a missing value, which XGBoost routes down each split's
 * learned default branch.
 *
 * <p>Changing the columns or their order changes what every stored model means: bump {@link #VERSION},
 * which models carry and are checked against when loaded.
 */
public final class RoasEncoding {

    /** The column layout's version, stored with every model. */
    public static final int VERSION = 1;

    /** The columns' names, in order. */
    public static final List<String> COLUMNS = List.of(
            "historical_roas_7d", "historical_roas_30d", "spend_velocity", "ctr", "conversion_rate",
            "impressions_growth", "platform_meta", "platform_google", "platform_tiktok", "platform_snapchat",
            "day_of_week", "season", "audience_size", "creative_fatigue_score");

    /** How many columns a row has. */
    public static final int WIDTH = COLUMNS.size();

    private static final int PLATFORM_COLUMN = 6;

    private RoasEncoding() {
    }

    /**
     * @param features a campaign's features
     * @param out      where to write the row
     * @param offset   the row's first position in {@code out}
     */
    public static void encode(RoasFeatures features, float[] out, int offset) {
        encode(features.historicalRoas7d(), features.historicalRoas30d(), features.spendVelocity(), features.ctr(),
                features.conversionRate(), features.impressionsGrowth(), features.platform(), features.date(),
                features.audienceSize(), features.creativeFatigueScore(), out, offset);
    }

    /** @return the features as one row */
    public static float[] encode(RoasFeatures features) {
        float[] row = new float[WIDTH];
        encode(features, row, 0);
        return row;
    }

    /**
     * @return the features as one row of doubles, as a {@code PredictionProvider} takes it: the same numbers
     *         as {@link #encode(RoasFeatures)}, so in-process and remote models see identical rows
     */
    public static double[] row(RoasFeatures features) {
        float[] encoded = encode(features);
        double[] row = new double[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            row[i] = encoded[i];
        }
        return row;
    }

    /**
     * The same from raw values, any of the numbers NaN where unknown: how training rows derived from
     * history are written, where some features are undefined on some days.
     */
    static void encode(double roas7d, double roas30d, double spendVelocity, double ctr, double conversionRate,
                       double impressionsGrowth, Platform platform, LocalDate date, double audienceSize,
                       double creativeFatigueScore, float[] out, int offset) {
        out[offset] = (float) roas7d;
        out[offset + 1] = (float) roas30d;
        out[offset + 2] = (float) spendVelocity;
        out[offset + 3] = (float) ctr;
        out[offset + 4] = (float) conversionRate;
        out[offset + 5] = (float) impressionsGrowth;
        for (Platform each : Platform.values()) {
            out[offset + PLATFORM_COLUMN + each.ordinal()] = each == platform ? 1f : 0f;
        }
        out[offset + 10] = RoasFeatures.weekday(date);
        out[offset + 11] = season(date);
        out[offset + 12] = (float) audienceSize;
        out[offset + 13] = (float) creativeFatigueScore;
    }

    /** @return the seed's season of a date: its quarter, 1-4 */
    public static int season(LocalDate date) {
        return (date.getMonthValue() - 1) / 3 + 1;
    }
}
