package ai.stratum.server.cdp.audience;

import ai.stratum.plugin.api.IdentifierType;
import ai.stratum.plugin.api.Platform;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceKeyTest {

    @ParameterizedTest(name = "{0} {1} ''{2}'' -> ''{3}''")
    @CsvSource(nullValues = "-", value = {
        // e-mails are stored normalized (trimmed, lower-cased), which is what every platform hashes
        "META,     EMAIL_SHA256, ann@example.com, ann@example.com",
        "GOOGLE,   EMAIL_SHA256, ann@example.com, ann@example.com",
        // Meta and Snapchat: country code and digits, no '+'
        "META,     PHONE_SHA256, +15550100001,    15550100001",
        "SNAPCHAT, PHONE_SHA256, +447700900123,   447700900123",
        // Google Ads and TikTok: E.164, '+' included
        "GOOGLE,   PHONE_SHA256, +15550100001,    +15550100001",
        "TIKTOK,   PHONE_SHA256, +447700900123,   +447700900123",
        // a number stored without its country code is never sent: which country is not ours to guess
        "META,     PHONE_SHA256, 5550100002,      -",
        "GOOGLE,   PHONE_SHA256, 5550100002,      -"})
    void hashesWhatEachPlatformMatchesOn(Platform platform, IdentifierType type, String stored, String hashed) {
        AudienceKey key = AudienceKey.of(platform).stream().filter(k -> k.type() == type).findFirst().orElseThrow();

        assertThat(key.hashInput(stored).orElse(null)).isEqualTo(hashed);
    }

    @ParameterizedTest
    @CsvSource({"META", "GOOGLE", "TIKTOK", "SNAPCHAT"})
    void keepsAnEmailAndAPhoneAudiencePerAccount(Platform platform) {
        assertThat(AudienceKey.of(platform)).extracting(AudienceKey::type)
                .containsExactly(IdentifierType.EMAIL_SHA256, IdentifierType.PHONE_SHA256);
    }

    @ParameterizedTest
    @CsvSource({"EMAIL_SHA256, Stratum · Gold · e-mail · 1f0c9a2e", "PHONE_SHA256, Stratum · Gold · phone · 1f0c9a2e"})
    void namesAudiencesUniquelyPerSegment(IdentifierType type, String name) {
        AudienceKey key = AudienceKey.of(Platform.GOOGLE).stream().filter(k -> k.type() == type).findFirst().orElseThrow();

        assertThat(key.audienceName("Gold", UUID.fromString("1f0c9a2e-0000-4000-8000-000000000000"))).isEqualTo(name);
    }
}
