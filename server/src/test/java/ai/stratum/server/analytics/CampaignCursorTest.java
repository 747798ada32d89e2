package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignCursorTest {

    @ParameterizedTest
    @CsvSource({"META, 120210000000001", "GOOGLE, customers/123/campaigns/456", "TIKTOK, a|b|c", "SNAPCHAT, ünïcødé"})
    void decodesWhatItEncodes(Platform platform, String campaignId) {
        CampaignCursor cursor = new CampaignCursor(platform, campaignId);

        assertThat(CampaignCursor.decode("after", cursor.encode())).contains(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64!", "TUVUQQ", "TUVUQXw", "QklOR3xjbXA"})
    void refusesWhatItDidNotIssueNamingTheField(String cursor) {
        // TUVUQQ is "META" without a campaign, TUVUQXw "META|", QklOR3xjbXA "BING|cmp"
        assertThatThrownBy(() -> CampaignCursor.decode("after", cursor))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.field()).contains("after"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TUVUQQ", "TUVUQXw", "QklOR3xjbXA"})
    void theRefusedExamplesSayWhatTheTestClaims(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);

        assertThat(raw).isIn("META", "META|", "BING|cmp");
    }
}
