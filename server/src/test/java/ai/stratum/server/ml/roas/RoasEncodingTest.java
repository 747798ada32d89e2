package ai.stratum.server.ml.roas;

import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RoasEncodingTest {

    @Test
    void writesTheElevenFeaturesAsFourteenColumns() {
        RoasFeatures features = new RoasFeatures(3.1, 2.9, 150, 0.02, 0.05, -0.1, Platform.TIKTOK, 2,
                LocalDate.of(2026, 8, 19), 250_000, 42);

        assertThat(RoasEncoding.encode(features)).containsExactly(
                3.1f, 2.9f, 150f, 0.02f, 0.05f, -0.1f, 0f, 0f, 1f, 0f, 2f, 3f, 250_000f, 42f);
        assertThat(RoasEncoding.COLUMNS).hasSize(RoasEncoding.WIDTH).hasSize(14);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01, 1", "2026-03-31, 1", "2026-04-01, 2", "2026-09-30, 3", "2026-10-01, 4", "2026-12-31, 4"})
    void theSeasonIsTheQuarter(LocalDate date, int season) {
        assertThat(RoasEncoding.season(date)).isEqualTo(season);
    }
}
