package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Credentials;
import ai.stratum.plugin.api.Platform;
import ai.stratum.plugin.api.PlatformEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformSettingsTest {

    private static final PlatformEndpoints DEFAULTS = PlatformEndpoints.of("https://api.example", "https://auth.example",
            "https://token.example");

    @Test
    void overridesOnlyTheConfiguredEndpoints() {
        PlatformSettings meta = PlatformSettings.read(Platform.META, properties(Map.of(
                "stratum.platforms.meta.base-url", "http://127.0.0.1:8090/",
                "stratum.platforms.meta.oauth-base-url", " http://127.0.0.1:8091 ")));

        PlatformEndpoints endpoints = meta.endpoints(DEFAULTS);

        assertThat(endpoints.api()).isEqualTo(URI.create("http://127.0.0.1:8090"));
        assertThat(endpoints.token()).isEqualTo(URI.create("http://127.0.0.1:8091"));
        assertThat(endpoints.authorization()).isEqualTo(DEFAULTS.authorization());
    }

    @Test
    void blankMeansThePluginsDefault() {
        PlatformSettings tiktok = PlatformSettings.read(Platform.TIKTOK, properties(Map.of("stratum.platforms.tiktok.base-url", "  ")));

        assertThat(tiktok.endpoints(DEFAULTS)).isEqualTo(DEFAULTS);
        assertThat(tiktok.hostCredentials()).isEmpty();
    }

    @Test
    void googleTakesItsClientAndDeveloperHeadersFromGoogleAdsVariables() {
        PlatformSettings google = PlatformSettings.read(Platform.GOOGLE, properties(Map.of(
                "stratum.platforms.google-ads.client-id", "gid",
                "stratum.platforms.google-ads.client-secret", "gsecret",
                "stratum.platforms.google-ads.developer-token", "dev-token",
                "stratum.platforms.google-ads.login-customer-id", "1234567890")));

        assertThat(google.hostCredentials()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Credentials.CLIENT_ID, "gid", Credentials.CLIENT_SECRET, "gsecret",
                "developer_token", "dev-token", "login_customer_id", "1234567890"));
    }

    @Test
    void onlyGoogleGetsDeveloperHeaders() {
        PlatformSettings meta = PlatformSettings.read(Platform.META, properties(Map.of(
                "stratum.platforms.meta.developer-token", "dev-token", "stratum.platforms.meta.client-id", "mid")));

        assertThat(meta.hostCredentials()).containsExactly(Map.entry(Credentials.CLIENT_ID, "mid"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "META,       base-url,           https://graph.facebook.com/v25.0, STRATUM_META_BASE_URL",
            "GOOGLE,     base-url,           ftp://googleads.googleapis.com,   STRATUM_GOOGLE_ADS_BASE_URL",
            "TIKTOK,     oauth-base-url,     https://host?x=1,                 STRATUM_TIKTOK_OAUTH_BASE_URL",
            "SNAPCHAT,   authorize-base-url, not a url,                        STRATUM_SNAPCHAT_AUTHORIZE_BASE_URL",
            "SNAPCHAT,   base-url,           https://user:pw@host,             STRATUM_SNAPCHAT_BASE_URL",
            "META,       base-url,           /relative,                        STRATUM_META_BASE_URL"})
    void refusesABaseUrlThatIsMoreThanSchemeHostAndPort(Platform platform, String setting, String value, String variable) {
        String key = "stratum.platforms." + PlatformSettings.variablePrefix(platform).toLowerCase().replace('_', '-') + "." + setting;

        assertThatThrownBy(() -> PlatformSettings.read(platform, properties(Map.of(key, value))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(variable + " must be scheme, host and port only");
    }

    @Test
    void refusesImpossibleCallSettings() {
        assertThatThrownBy(() -> ConnectorSettings.read(properties(Map.of()), Duration.ZERO, 3, Duration.ofMinutes(5)))
                .hasMessageContaining("STRATUM_CONNECTOR_MAX_RATE_LIMIT_WAIT");
        assertThatThrownBy(() -> ConnectorSettings.read(properties(Map.of()), Duration.ofMinutes(5), -1, Duration.ofMinutes(5)))
                .hasMessageContaining("STRATUM_CONNECTOR_RATE_LIMIT_RETRIES");
    }

    @ParameterizedTest(name = "interval {0}, lookback {1}")
    @CsvSource({"PT30S, 28, STRATUM_SYNC_INTERVAL", "PT30M, 0, STRATUM_SYNC_LOOKBACK_DAYS", "PT30M, 401, STRATUM_SYNC_LOOKBACK_DAYS"})
    void refusesImpossibleSyncSettings(Duration interval, int lookback, String variable) {
        assertThatThrownBy(() -> new SyncSettings(interval, lookback)).hasMessageStartingWith(variable);
    }

    private static java.util.function.Function<String, Optional<String>> properties(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
