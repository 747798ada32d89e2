package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;
import ai.stratum.server.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PerformanceQueryTest {

    @ParameterizedTest(name = "{0} to {1}, platforms {2}, groupBy {3}")
    @CsvSource(nullValues = "all", value = {
            "2025-03-01, 2025-03-01, all,         ''",
            "2024-01-01, 2025-12-31, META,        PLATFORM",
            "2025-01-01, 2026-12-31, META GOOGLE, DATE CAMPAIGN ACCOUNT PLATFORM"})
    void acceptsRangesUpToTwoYearsAndEachValueOnce(LocalDate from, LocalDate to, String platforms, String groupBy) {
        PerformanceQuery query = new PerformanceQuery(from, to, platforms(platforms), dimensions(groupBy));

        assertThat(query.to()).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} to {1}, platforms {2}, groupBy {3} -> {4}")
    @CsvSource(nullValues = "all", value = {
            "2025-03-02, 2025-03-01, all,         '',                 input.to",
            "2024-01-01, 2026-01-01, all,         '',                 input.to",
            "2025-03-01, 2025-03-31, '',          '',                 input.platforms",
            "2025-03-01, 2025-03-31, META META,   '',                 input.platforms",
            "2025-03-01, 2025-03-31, all,         DATE PLATFORM DATE, input.groupBy"})
    void refusesBadInputNamingTheField(LocalDate from, LocalDate to, String platforms, String groupBy, String field) {
        assertThatThrownBy(() -> new PerformanceQuery(from, to, platforms(platforms), dimensions(groupBy)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.field()).contains(field);
                });
    }

    private static List<Platform> platforms(String names) {
        if (names == null) {
            return List.of(Platform.values());
        }
        return names.isBlank() ? List.of() : Arrays.stream(names.split(" ")).map(Platform::valueOf).toList();
    }

    private static List<PerformanceDimension> dimensions(String names) {
        return names.isBlank() ? List.of() : Arrays.stream(names.split(" ")).map(PerformanceDimension::valueOf).toList();
    }
}
