package ai.stratum.sandbox.simulation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ResponseModelTest {

    @ParameterizedTest
    @CsvSource({"0, 0", "100, 632.12", "200, 864.66", "1000, 999.95"})
    void revenueSaturatesTowardsItsMaximum(double spend, double revenue) {
        assertThat(ResponseModel.revenue(spend, 1000, 100)).isCloseTo(revenue, within(0.01));
    }

    @ParameterizedTest
    @CsvSource({"50", "100", "300", "900"})
    void eachExtraUnitOfSpendBuysLessThanTheOneBefore(double spend) {
        double marginalHere = ResponseModel.revenue(spend + 1, 1000, 100) - ResponseModel.revenue(spend, 1000, 100);
        double marginalLater = ResponseModel.revenue(spend + 2, 1000, 100) - ResponseModel.revenue(spend + 1, 1000, 100);
        assertThat(marginalLater).isLessThan(marginalHere);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.57", "1, 0.81", "2, 0.92", "7, 0.999"})
    void lateConversionsArriveOverAboutAWeek(long daysSince, double share) {
        assertThat(ResponseModel.reportedShare(daysSince)).isCloseTo(share, within(0.01));
    }

    @ParameterizedTest
    @CsvSource({"0, 0.02", "20, 0.015", "40, 0.0125", "400, 0.01"})
    void fatigueTakesCtrTowardsHalfOfItsFreshValue(double ageDays, double ctr) {
        assertThat(ResponseModel.fatiguedCtr(0.02, ageDays, 20)).isCloseTo(ctr, within(0.0001));
    }

    @org.junit.jupiter.api.Test
    void weeklyDemandPeaksOnSaturdayAndAveragesAboutOne() {
        double mean = Arrays.stream(DayOfWeek.values()).mapToDouble(ResponseModel::weeklyDemand).average().orElseThrow();
        assertThat(mean).isCloseTo(1.0, within(0.01));
        assertThat(ResponseModel.weeklyDemand(DayOfWeek.SATURDAY)).isGreaterThan(ResponseModel.weeklyDemand(DayOfWeek.MONDAY));
    }
}
