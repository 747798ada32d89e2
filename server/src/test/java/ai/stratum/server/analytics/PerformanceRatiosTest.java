package ai.stratum.server.analytics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceRatiosTest {

    @ParameterizedTest(name = "spend {0} revenue {1} impressions {2} clicks {3} conversions {4} -> ctr {5} cpc {6} cpa {7} roas {8}")
    @CsvSource(nullValues = "none", value = {
            // spend µ,   revenue µ,  impr,  clicks, conv, ctr,    cpc,   cpa,   roas
            "100000000,  400000000,  10000, 200,    10,   0.02,   0.5,   10,    4",
            // zero impressions: no CTR (clicks without impressions still give a CPC)
            "100000000,  0,          0,     5,      0,    none,   20,    none,  0",
            // zero clicks: no CPC; CTR is a real 0
            "100000000,  50000000,   1000,  0,      2,    0,      none,  50,    0.5",
            // zero conversions: no CPA
            "30000000,   0,          300,   30,     0,    0.1,    1,     none,  0",
            // zero spend: no ROAS even with revenue; CPC and CPA are a real 0
            "0,          25000000,   100,   10,     1,    0.1,    0,     0,     none",
            // all zero: nothing is defined
            "0,          0,          0,     0,      0,    none,   none,  none,  none",
            // fractional conversions, as data-driven attribution reports them
            "10000000,   0,          0,     0,      2.5,  none,   none,  4,     0",
            // a fraction of a micro per click
            "1,          3,          3,     3,      3,    1,      3.3333333333333333E-7, 3.3333333333333333E-7, 3",
            // more clicks than impressions is odd data, not undefined math
            "1000000,    0,          2,     4,      0,    2,      0.25,  none,  0",
            // two years of a big account: no overflow, no precision loss worth a cent
            "9000000000000000, 9000000000000000, 9000000000000, 90000000000, 900000000, 0.01, 0.1, 10, 1"})
    void derivesEachRatioFromTotalsAndLeavesUndefinedOnesEmpty(long spendMicros, long revenueMicros, long impressions,
            long clicks, double conversions, Double ctr, Double cpc, Double cpa, Double roas) {
        PerformanceRatios ratios = PerformanceRatios.of(new PerformanceTotals(spendMicros, revenueMicros, impressions, clicks, conversions));

        assertThat(ratios.ctr()).isEqualTo(optional(ctr));
        assertThat(ratios.cpc()).isEqualTo(optional(cpc));
        assertThat(ratios.cpa()).isEqualTo(optional(cpa));
        assertThat(ratios.roas()).isEqualTo(optional(roas));
    }

    @Test
    void aGroupsRatioIsItsTotalsRatioNotTheMeanOfItsPartsRatios() {
        PerformanceTotals small = new PerformanceTotals(1_000_000, 0, 100, 10, 0);
        PerformanceTotals large = new PerformanceTotals(99_000_000, 0, 9_900, 10, 0);

        PerformanceRatios group = PerformanceRatios.of(small.plus(large));

        // CTRs 0.1 and ~0.001 average to ~0.05; the group's 20 clicks over 10,000 impressions are 0.002
        assertThat(group.ctr()).hasValue(0.002);
        assertThat(group.cpc()).hasValue(5.0);
    }

    @Test
    void ratiosAreNeverNanOrInfinite() {
        for (long zeroOrOne : new long[] {0, 1}) {
            PerformanceRatios ratios = PerformanceRatios.of(new PerformanceTotals(zeroOrOne, 1, zeroOrOne, zeroOrOne, zeroOrOne));
            for (OptionalDouble ratio : new OptionalDouble[] {ratios.ctr(), ratios.cpc(), ratios.cpa(), ratios.roas()}) {
                ratio.ifPresent(value -> assertThat(value).isFinite());
            }
        }
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
