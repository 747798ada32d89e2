package ai.stratum.server.ml.cli;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.InvalidMlInputException;
import ai.stratum.server.ml.conversion.DeviceType;
import ai.stratum.server.ml.conversion.SessionDataset;
import ai.stratum.server.ml.conversion.SessionFeatures;
import ai.stratum.server.ml.conversion.TrafficSource;
import ai.stratum.server.ml.conversion.UserSegment;
import ai.stratum.server.ml.roas.RoasDataset;
import ai.stratum.server.ml.roas.RoasFeatures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CSV files {@code ml train} and {@code ml evaluate} read: seed 001's feature names plus the label.
 * README.md documents the columns.
 */
final class ModelCsv {

    /** ROAS: the seed's features (the platform and the date themselves, as the API takes them) and {@code roas}. */
    static final List<String> ROAS_COLUMNS = List.of("historical_roas_7d", "historical_roas_30d", "spend_velocity", "ctr",
            "conversion_rate", "impressions_growth", "platform", "day_of_week", "date", "audience_size",
            "creative_fatigue_score", "roas");
    /** Conversion: the seed's nine inputs and {@code converted}, 0 or 1. */
    static final List<String> CONVERSION_COLUMNS = List.of("session_duration", "pages_viewed", "cart_value", "items_in_cart",
            "time_since_last_visit", "previous_purchases", "device_type", "traffic_source", "user_segment", "converted");

    private ModelCsv() {
    }

    static RoasDataset roas(Path file) throws IOException {
        RoasDataset.Builder rows = new RoasDataset.Builder();
        CsvRows.read(file, ROAS_COLUMNS, row -> {
            RoasFeatures features = new RoasFeatures(row.number("historical_roas_7d"), row.number("historical_roas_30d"),
                    row.number("spend_velocity"), row.number("ctr"), row.number("conversion_rate"),
                    row.number("impressions_growth"), row.choice("platform", Platform.class), row.whole("day_of_week"),
                    row.date("date"), row.optionalNumber("audience_size"), row.optionalNumber("creative_fatigue_score"));
            double roas = row.number("roas");
            if (roas < 0) {
                throw new InvalidMlInputException("roas", "must be at least 0, was " + roas);
            }
            rows.add(features, roas);
        });
        return rows.build();
    }

    static SessionDataset conversion(Path file) throws IOException {
        SessionDataset.Builder rows = new SessionDataset.Builder();
        CsvRows.read(file, CONVERSION_COLUMNS, row -> rows.add(new SessionFeatures(row.number("session_duration"),
                row.whole("pages_viewed"), row.number("cart_value"), row.whole("items_in_cart"),
                row.number("time_since_last_visit"), row.whole("previous_purchases"), row.choice("device_type", DeviceType.class),
                row.choice("traffic_source", TrafficSource.class), row.choice("user_segment", UserSegment.class)),
                row.flag("converted")));
        return rows.build();
    }
}
