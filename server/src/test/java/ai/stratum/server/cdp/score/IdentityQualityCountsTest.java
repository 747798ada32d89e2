package ai.stratum.server.cdp.score;

import ai.stratum.server.cdp.identity.Identifier;
import ai.stratum.server.cdp.identity.IdentifierType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which events count as carrying a strong identifier for the CDP score. */
class IdentityQualityCountsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'',                        false",
            "ANONYMOUS_ID,              false",
            "CLICK_ID,                  false",
            "ANONYMOUS_ID CLICK_ID,     false",
            "USER_ID,                   true",
            "EMAIL,                     true",
            "PHONE,                     true",
            "EXTERNAL_ID,               true",
            "ANONYMOUS_ID EMAIL,        true"})
    void strongIdentifiersIdentifyAPersonNotADeviceOrAClick(String types, boolean strong) {
        List<Identifier> identifiers = Arrays.stream(types.split(" ")).filter(type -> !type.isEmpty())
                .map(type -> new Identifier(IdentifierType.valueOf(type), "v")).toList();

        assertThat(IdentityQualityCounts.strong(identifiers)).isEqualTo(strong);
    }
}
