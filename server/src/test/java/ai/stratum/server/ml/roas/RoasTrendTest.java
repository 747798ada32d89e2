package ai.stratum.server.ml.roas;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RoasTrendTest {

    @ParameterizedTest(name = "7d {0} vs 30d {1} is {2}")
    @CsvSource({
            "3.31, 3.0, IMPROVING",
            "3.30, 3.0, STABLE",    // exactly 10 % up is still within the band
            "3.0,  3.0, STABLE",
            "2.70, 3.0, STABLE",    // exactly 10 % down
            "2.69, 3.0, DECLINING",
            "0,    2.0, DECLINING",
            "0.5,  0,   IMPROVING", // nothing returned over 30 days, something over 7
            "0,    0,   STABLE",
    })
    void comparesTheSevenDayRoasWithTheThirtyDayRoasWithinATenPercentBand(double roas7d, double roas30d, RoasTrend trend) {
        assertThat(RoasTrend.of(roas7d, roas30d)).isEqualTo(trend);
    }
}
