package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.InvalidMlInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoasFeaturesTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "historicalRoas7d, -0.1",
            "historicalRoas7d, NaN",
            "historicalRoas30d, Infinity",
            "spendVelocity, -1",
            "ctr, 1.01",
            "ctr, -0.01",
            "conversionRate, -0.5",
            "impressionsGrowth, -1.5",
            "impressionsGrowth, Infinity",
            "dayOfWeek, 7",
            "dayOfWeek, -1",
            "dayOfWeek, 6",          // a Sunday, but the date is a Monday
            "audienceSize, -5",
            "creativeFatigueScore, 100.5",
    })
    void refusesOutOfRangeValuesNamingTheField(String field, double value) {
        assertThatThrownBy(() -> features(field, value))
                .isInstanceOfSatisfying(InvalidMlInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void namesTheWeekdayConventionWhenDayOfWeekDisagreesWithTheDate() {
        assertThatThrownBy(() -> features("dayOfWeek", 1))
                .hasMessageContaining("0 (MONDAY; 0 = Monday)");
    }

    @Test
    void acceptsTheBoundaries() {
        RoasFeatures features = new RoasFeatures(0, 0, 0, 1, 0, -1, Platform.TIKTOK, 6, MONDAY.plusDays(6), 0, 100);

        assertThat(features.dayOfWeek()).isEqualTo(6);
    }

    @Test
    void countsWeekdaysFromMondayAsPythonDoes() {
        assertThat(RoasFeatures.weekday(MONDAY)).isZero();
        assertThat(RoasFeatures.weekday(MONDAY.plusDays(6))).isEqualTo(6);
    }

    private static RoasFeatures features(String field, double value) {
        double[] v = {3.0, 3.0, 100, 0.02, 0.05, 0.1, 0, 10_000, 20};
        String[] names = {"historicalRoas7d", "historicalRoas30d", "spendVelocity", "ctr", "conversionRate",
                "impressionsGrowth", "dayOfWeek", "audienceSize", "creativeFatigueScore"};
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                v[i] = value;
            }
        }
        return new RoasFeatures(v[0], v[1], v[2], v[3], v[4], v[5], Platform.META, (int) v[6], MONDAY, v[7], v[8]);
    }
}
