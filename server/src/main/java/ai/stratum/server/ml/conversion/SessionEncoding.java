package ai.stratum.server.ml.conversion;

import java.util.List;

/**
 * The conversion model's input columns: seed 001's nine inputs in its order, the three categories as
 * their ordinals (the seed's {@code *_encoded}). Trees split ordinals as well as one-hot columns for
 * three or four values, and one column per input keeps each input's contribution a single number.
 *
 * <p>Changing the columns changes what every stored model means: bump {@link #VERSION}.
 */
public final class SessionEncoding {

    /** The column layout's version, stored with every model. */
    public static final int VERSION = 1;

    /** The seed's feature names, in order: what {@code topFactors} calls them. */
    public static final List<String> COLUMNS = List.of(
            "session_duration", "pages_viewed", "cart_value", "items_in_cart", "time_since_last_visit",
            "previous_purchases", "device_type", "traffic_source", "user_segment");

    /** How many columns a row has. */
    public static final int WIDTH = COLUMNS.size();

    private SessionEncoding() {
    }

    /** @return the session as one row */
    public static double[] encode(SessionFeatures session) {
        return new double[] {
                session.sessionDuration(), session.pagesViewed(), session.cartValue(), session.itemsInCart(),
                session.timeSinceLastVisit(), session.previousPurchases(), session.deviceType().ordinal(),
                session.trafficSource().ordinal(), session.userSegment().ordinal()};
    }

    /**
     * @param column a column
     * @param value  its encoded value
     * @return the value as the client sent it: the enum's name for the three categories, else the number
     */
    public static String display(int column, double value) {
        return switch (column) {
            case 6 -> DeviceType.values()[(int) value].name();
            case 7 -> TrafficSource.values()[(int) value].name();
            case 8 -> UserSegment.values()[(int) value].name();
            default -> value == Math.rint(value) && Math.abs(value) < 1e15
                    ? String.valueOf((long) value) : String.valueOf(value);
        };
    }
}
