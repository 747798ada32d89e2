package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerformanceAssemblerTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
    private static final PerformanceQuery BY_PLATFORM = query(List.of(PerformanceDimension.PLATFORM));
    private static final PerformanceQuery TOTALS = query(List.of());

    @Test
    void addsUpTheAdjacentPartsOfEachGroupAndKeepsTheRatesUsed() {
        FxConversion ecb = new FxConversion("EUR", "USD", new BigDecimal("1.0823"), DAY, "ECB", DAY, DAY.plusDays(1));
        List<PerformancePart> parts = List.of(
                part(Platform.GOOGLE, Optional.empty(), new PerformanceTotals(1_000_000, 2_000_000, 100, 10, 1)),
                part(Platform.GOOGLE, Optional.of(ecb), new PerformanceTotals(3_000_000, 0, 300, 0, 0.5)),
                part(Platform.META, Optional.empty(), new PerformanceTotals(5_000_000, 5_000_000, 0, 0, 0)));

        List<PerformanceRow> rows = PerformanceAssembler.rows(parts, BY_PLATFORM, "USD");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).platform()).contains(Platform.GOOGLE);
        assertThat(rows.get(0).totals()).isEqualTo(new PerformanceTotals(4_000_000, 2_000_000, 400, 10, 1.5));
        assertThat(rows.get(0).fx()).containsExactly(ecb);
        assertThat(rows.get(0).ctr()).hasValue(0.025);
        assertThat(rows.get(1).platform()).contains(Platform.META);
        assertThat(rows.get(1).fx()).isEmpty();
        assertThat(rows.get(1).ctr()).isEmpty();
        assertThat(rows.get(1).roas()).hasValue(1.0);
    }

    @Test
    void theTotalsOfNoPerformanceAreZeros() {
        List<PerformanceRow> rows = PerformanceAssembler.rows(List.of(), TOTALS, "EUR");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.totals()).isEqualTo(PerformanceTotals.ZERO);
            assertThat(row.currency()).isEqualTo("EUR");
            assertThat(row.roas()).isEmpty();
        });
    }

    @Test
    void groupedRowsOfNoPerformanceAreNone() {
        assertThat(PerformanceAssembler.rows(List.of(), BY_PLATFORM, "USD")).isEmpty();
    }

    @Test
    void anAmountWithoutARateFailsTheWholeAnswerNamingThePairAndTheEarliestDay() {
        List<PerformancePart> parts = List.of(
                part(Platform.GOOGLE, Optional.empty(), new PerformanceTotals(1_000_000, 0, 0, 0, 0)),
                missing(Platform.GOOGLE, "JPY", DAY.plusDays(3)),
                missing(Platform.META, "GBP", DAY.plusDays(1)));

        assertThatThrownBy(() -> PerformanceAssembler.rows(parts, BY_PLATFORM, "USD"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining("between GBP and USD on or before 2025-03-02")
                .hasMessageContaining("upsertFxRates");
    }

    private static PerformancePart part(Platform platform, Optional<FxConversion> fx, PerformanceTotals totals) {
        return new PerformancePart(group(platform), fx, Optional.empty(), totals);
    }

    private static PerformancePart missing(Platform platform, String currency, LocalDate day) {
        return new PerformancePart(group(platform), Optional.empty(), Optional.of(new MissingFxRate(currency, "USD", day)),
                PerformanceTotals.ZERO);
    }

    private static PerformanceGroup group(Platform platform) {
        return new PerformanceGroup(Optional.of(platform), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static PerformanceQuery query(List<PerformanceDimension> groupBy) {
        return new PerformanceQuery(DAY, DAY.plusDays(6), List.of(Platform.values()), groupBy);
    }
}
