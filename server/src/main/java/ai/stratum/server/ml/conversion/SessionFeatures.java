package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.InvalidMlInputException;

import java.util.Objects;

/**
 * Seed 001's nine conversion-predictor inputs for one session.
 *
 * @param sessionDuration    time on site so far, in seconds
 * @param pagesViewed        pages viewed in the session
 * @param cartValue          the cart's total, in the shop currency's units
 * @param itemsInCart        items in the cart
 * @param timeSinceLastVisit days since the visitor's previous visit (0 for a first visit)
 * @param previousPurchases  the visitor's purchases before this session
 * @param deviceType         the device
 * @param trafficSource      where the session came from
 * @param userSegment        new, returning or high-value
 */
public record SessionFeatures(double sessionDuration, int pagesViewed, double cartValue, int itemsInCart,
                              double timeSinceLastVisit, int previousPurchases, DeviceType deviceType,
                              TrafficSource trafficSource, UserSegment userSegment) {

    /** @throws InvalidMlInputException naming the first field that is negative or not a number */
    public SessionFeatures {
        atLeastZero("sessionDuration", sessionDuration);
        atLeastZero("pagesViewed", pagesViewed);
        atLeastZero("cartValue", cartValue);
        atLeastZero("itemsInCart", itemsInCart);
        atLeastZero("timeSinceLastVisit", timeSinceLastVisit);
        atLeastZero("previousPurchases", previousPurchases);
        Objects.requireNonNull(deviceType, "deviceType");
        Objects.requireNonNull(trafficSource, "trafficSource");
        Objects.requireNonNull(userSegment, "userSegment");
    }

    private static void atLeastZero(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidMlInputException(field, "must be a finite number of at least 0, was " + value);
        }
    }
}
