package ai.stratum.server.ml.conversion;

import ai.stratum.server.ml.InvalidMlInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionFeaturesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "sessionDuration, -1", "sessionDuration, NaN", "pagesViewed, -1", "cartValue, -0.01",
            "cartValue, Infinity", "itemsInCart, -2", "timeSinceLastVisit, -3", "previousPurchases, -1"})
    void refusesNegativeOrNonNumericValuesNamingTheField(String field, double value) {
        assertThatThrownBy(() -> session(field, value))
                .isInstanceOfSatisfying(InvalidMlInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static SessionFeatures session(String field, double value) {
        double[] v = {120, 4, 50, 1, 3, 2};
        String[] names = {"sessionDuration", "pagesViewed", "cartValue", "itemsInCart", "timeSinceLastVisit", "previousPurchases"};
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                v[i] = value;
            }
        }
        return new SessionFeatures(v[0], (int) v[1], v[2], (int) v[3], v[4], (int) v[5], DeviceType.MOBILE,
                TrafficSource.PAID, UserSegment.NEW);
    }
}
