package ai.stratum.server.ml.eventquality;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.ml.InvalidMlInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventQualityAnalyzerTest {

    private final EventQualityAnalyzer analyzer = new EventQualityAnalyzer();

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4} {5} {6}")
    @CsvSource({
            "META,     25, 20, 20, 0,  15, 10, 10",
            "GOOGLE,   25, 20, 0,  25, 10, 10, 10",
            "TIKTOK,   25, 20, 20, 0,  15, 10, 10",
            "SNAPCHAT, 25, 20, 20, 0,  15, 10, 10"})
    void weighsTheKeysAsTheSeedDoesForMetaAndGoogleAndAsMetaForTikTokAndSnapchat(
            Platform platform, int email, int phone, int clickId, int gclid, int ip, int userAgent, int externalId) {
        Map<MatchKey, Integer> weights = MatchWeights.of(platform);

        assertThat(weights.getOrDefault(MatchKey.EMAIL, 0)).isEqualTo(email);
        assertThat(weights.getOrDefault(MatchKey.PHONE, 0)).isEqualTo(phone);
        assertThat(weights.getOrDefault(MatchKey.CLICK_ID, 0)).isEqualTo(clickId);
        assertThat(weights.getOrDefault(MatchKey.GCLID, 0)).isEqualTo(gclid);
        assertThat(weights.getOrDefault(MatchKey.IP_ADDRESS, 0)).isEqualTo(ip);
        assertThat(weights.getOrDefault(MatchKey.USER_AGENT, 0)).isEqualTo(userAgent);
        assertThat(weights.getOrDefault(MatchKey.EXTERNAL_ID, 0)).isEqualTo(externalId);
        assertThat(weights.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0} with [{1}]: {2}, {3}")
    @CsvSource({
            "META,     email phone click_id ip_address user_agent external_id, 100, EXCELLENT",
            "META,     email phone click_id ip_address,                        80,  EXCELLENT",
            "META,     email phone click_id user_agent,                        75,  GOOD",
            "META,     email phone ip_address,                                 60,  GOOD",
            "META,     email phone external_id,                                55,  FAIR",
            "META,     email ip_address,                                       40,  FAIR",
            "META,     email user_agent,                                       35,  POOR",
            "META,     '',                                                     0,   POOR",
            "GOOGLE,   email phone gclid ip_address user_agent external_id,    100, EXCELLENT",
            "GOOGLE,   email phone gclid ip_address,                           80,  EXCELLENT",
            "GOOGLE,   email gclid ip_address user_agent,                      70,  GOOD",
            "GOOGLE,   email phone gclid,                                      70,  GOOD",
            "GOOGLE,   gclid ip_address user_agent external_id,                55,  FAIR",
            "GOOGLE,   email phone,                                            45,  FAIR",
            "GOOGLE,   gclid,                                                  25,  POOR",
            "TIKTOK,   email phone click_id ip_address user_agent external_id, 100, EXCELLENT",
            "TIKTOK,   click_id ip_address user_agent,                         45,  FAIR",
            "TIKTOK,   email phone click_id,                                   65,  GOOD",
            "SNAPCHAT, email phone click_id ip_address user_agent external_id, 100, EXCELLENT",
            "SNAPCHAT, email click_id ip_address user_agent,                   70,  GOOD",
            "SNAPCHAT, phone external_id,                                      30,  POOR"})
    void scoresTheWeightsOfTheKeysWithAValidValue(Platform platform, String keys, double score, QualityLevel level) {
        EventQualityResult result = analyzer.analyze(Events.with(platform, keys(keys)), platform);

        assertThat(result.score()).isEqualTo(score);
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.invalidFields()).isEmpty();
        assertThat(result.missingFields()).containsExactlyElementsOf(MatchWeights.of(platform).keySet().stream()
                .filter(key -> !keys(keys).contains(key)).toList());
    }

    @ParameterizedTest(name = "{0} is {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "100  | EXCELLENT | ~95% attribution accuracy",
            "80   | EXCELLENT | ~95% attribution accuracy",
            "79.9 | GOOD      | ~80% attribution accuracy",
            "60   | GOOD      | ~80% attribution accuracy",
            "59.9 | FAIR      | ~60% attribution accuracy",
            "40   | FAIR      | ~60% attribution accuracy",
            "39.9 | POOR      | <40% attribution accuracy - significant loss",
            "0    | POOR      | <40% attribution accuracy - significant loss"})
    void levelsAndEstimatesTheAttributionImpactAtEightySixtyAndForty(double score, QualityLevel level, String impact) {
        assertThat(QualityLevel.of(score)).isEqualTo(level);
        assertThat(level.roasImpactEstimate()).isEqualTo(impact);
    }

    @Test
    void listsMissingKeysInTheSeedsOrderAndRecommendsTheHeaviestFirst() {
        EventQualityResult result = analyzer.analyze(Events.meta(EnumSet.of(MatchKey.PHONE, MatchKey.USER_AGENT)),
                Platform.META);

        assertThat(result.missingFields()).containsExactly(MatchKey.EMAIL, MatchKey.CLICK_ID, MatchKey.IP_ADDRESS,
                MatchKey.EXTERNAL_ID);
        assertThat(result.roasImpactEstimate()).isEqualTo("<40% attribution accuracy - significant loss");
        assertThat(result.recommendations()).containsExactly(
                "Send the customer's email in user_data.em: the SHA-256 of the trimmed, lower-cased address",
                "Send the click id in user_data.fbc: the _fbc cookie, or fb.1.<time in ms>.<fbclid> from the landing page URL",
                "Send the visitor's public IP address in user_data.client_ip_address",
                "Send your customer id in user_data.external_id (SHA-256 recommended)");
    }

    @Test
    void putsTheFixForAnInvalidValueBeforeTheMissingKeysAndDoesNotAlsoAskForTheKey() {
        Map<String, Object> event = Events.meta(EnumSet.of(MatchKey.PHONE, MatchKey.CLICK_ID, MatchKey.IP_ADDRESS,
                MatchKey.USER_AGENT, MatchKey.EXTERNAL_ID));
        userData(event).put("em", "Jane.Doe@Example.com");

        EventQualityResult result = analyzer.analyze(event, Platform.META);

        assertThat(result.score()).isEqualTo(75);
        assertThat(result.missingFields()).containsExactly(MatchKey.EMAIL);
        assertThat(result.invalidFields()).extracting(InvalidField::path).containsExactly("user_data.em");
        assertThat(result.recommendations()).containsExactly("user_data.em is a plain email address: send the SHA-256"
                + " of the trimmed, lower-cased address as 64 lower-case hex digits");
    }

    @Test
    void countsAKeyWhenAnyOfItsValuesIsValid() {
        Map<String, Object> event = Events.meta(EnumSet.of(MatchKey.EMAIL));
        userData(event).put("em", List.of("not-a-hash", Events.EMAIL_HASH));

        EventQualityResult result = analyzer.analyze(event, Platform.META);

        assertThat(result.score()).isEqualTo(25);
        assertThat(result.invalidFields()).extracting(InvalidField::path).containsExactly("user_data.em[0]");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "em                | jane.doe@example.com | user_data.em | is a plain email address",
            "em                | +1 (650) 555-1234    | user_data.em | is a plain phone number",
            "ph                | 16505551234          | user_data.ph | is a plain phone number",
            "em                | 86E0B9E56C17CC4D12387E1949B85053FBE73BC3CE5A1188713A9D300CC6133D | user_data.em | is upper-case hex",
            "em                | 5d41402abc4b2a76b9719d911017c592 | user_data.em | looks like an MD5 hash",
            "em                | aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d | user_data.em | looks like an SHA-1 hash",
            "em                | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | user_data.em | is the SHA-256 of an empty string",
            "em                | jane                 | user_data.em | is not a SHA-256 hash",
            "em                | '   '                | user_data.em | is empty",
            "client_ip_address | 10.1.2.3             | user_data.client_ip_address | is a private address (RFC 1918)",
            "client_ip_address | 172.20.0.1           | user_data.client_ip_address | is a private address (RFC 1918)",
            "client_ip_address | 192.168.0.10         | user_data.client_ip_address | is a private address (RFC 1918)",
            "client_ip_address | 127.0.0.1            | user_data.client_ip_address | is a loopback address",
            "client_ip_address | 100.64.12.1          | user_data.client_ip_address | is a carrier-grade NAT address",
            "client_ip_address | 169.254.1.1          | user_data.client_ip_address | is a link-local address",
            "client_ip_address | 203.0.113.24         | user_data.client_ip_address | is a documentation address (RFC 5737)",
            "client_ip_address | 0.0.0.0              | user_data.client_ip_address | is an unspecified address",
            "client_ip_address | 239.1.1.1            | user_data.client_ip_address | is a multicast address",
            "client_ip_address | 250.1.1.1            | user_data.client_ip_address | is a reserved address",
            "client_ip_address | ::1                  | user_data.client_ip_address | is a loopback address",
            "client_ip_address | fe80::1              | user_data.client_ip_address | is a link-local address",
            "client_ip_address | fd12:3456::1         | user_data.client_ip_address | is a unique local address",
            "client_ip_address | 2001:db8::8a2e:370:7334 | user_data.client_ip_address | is a documentation address (2001:db8::/32)",
            "client_ip_address | ::ffff:192.168.1.1   | user_data.client_ip_address | is a private address (RFC 1918)",
            "client_ip_address | 256.1.1.1            | user_data.client_ip_address | is not an IPv4 or IPv6 address",
            "client_ip_address | 01.2.3.4             | user_data.client_ip_address | is not an IPv4 or IPv6 address",
            "client_ip_address | shop.example.com     | user_data.client_ip_address | is not an IPv4 or IPv6 address",
            "client_ip_address | 2001:db8::g          | user_data.client_ip_address | is not an IPv4 or IPv6 address",
            "client_ip_address | 1:2:3:4:5:6:7:8:9    | user_data.client_ip_address | is not an IPv4 or IPv6 address",
            "client_ip_address | .:1                  | user_data.client_ip_address | is not an IPv4 or IPv6 address",
            "client_ip_address | fe80::1%eth0         | user_data.client_ip_address | is not an IPv4 or IPv6 address",
            "client_user_agent | python-requests/2.31.0 | user_data.client_user_agent | is a server-side HTTP client's user agent",
            "client_user_agent | Java-http-client/17.0.15 | user_data.client_user_agent | is a server-side HTTP client's user agent",
            "client_user_agent | curl/8.5.0           | user_data.client_user_agent | is a server-side HTTP client's user agent",
            "client_user_agent | Mozilla              | user_data.client_user_agent | is too short",
            "fbc               | fb.1.1789394651.IwY2xjawM0AbCdEfGhIjKlMnOpQrStUv | user_data.fbc | has a creation time in seconds",
            "fbc               | IwY2xjawM0AbCdEfGhIjKlMnOpQrStUv | user_data.fbc | is a bare fbclid",
            "fbc               | fb.3.1789394651000.IwY2xjawM0 | user_data.fbc | is not a fbc",
            "fbp               | fb.1.17891390.1098115397 | user_data.fbp | has a creation time of 8 digits",
            "fn                | Jane                 | user_data.fn | is not a SHA-256 hash",
            "zp                | 94025                | user_data.zp | is not a SHA-256 hash"})
    void flagsAnInvalidMetaValueByItsPath(String field, String value, String path, String reason) {
        Map<String, Object> event = Events.meta(EnumSet.allOf(MatchKey.class));
        userData(event).put(field, value);

        EventQualityResult result = analyzer.analyze(event, Platform.META);

        assertThat(result.invalidFields()).hasSize(1);
        assertThat(result.invalidFields().get(0).path()).isEqualTo(path);
        assertThat(result.invalidFields().get(0).reason()).startsWith(reason);
        if (List.of("em", "ph", "fn", "zp").contains(field) && !value.isBlank()) {
            // personal data never comes back in a reason
            assertThat(result.invalidFields().get(0).reason()).doesNotContain(value);
        }
    }

    @ParameterizedTest(name = "{0} is a usable IP address")
    @CsvSource({"81.2.69.160", "8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "2a00:1450:4001:82a::200e",
            "::ffff:81.2.69.160"})
    void acceptsAPublicIpAddress(String address) {
        Map<String, Object> event = Events.meta(EnumSet.allOf(MatchKey.class));
        userData(event).put("client_ip_address", address);

        EventQualityResult result = analyzer.analyze(event, Platform.META);

        assertThat(result.invalidFields()).isEmpty();
        assertThat(result.score()).isEqualTo(100);
    }

    @Test
    void refusesAValueOfTheWrongJsonTypeByPath() {
        Map<String, Object> event = Events.meta(EnumSet.allOf(MatchKey.class));
        userData(event).put("em", List.of(Events.EMAIL_HASH, 42, Map.of("hash", Events.EMAIL_HASH)));
        userData(event).put("client_ip_address", true);

        EventQualityResult result = analyzer.analyze(event, Platform.META);

        assertThat(result.invalidFields()).containsExactly(
                new InvalidField("user_data.em[1]", "must be a string, was a number"),
                new InvalidField("user_data.em[2]", "must be a string, was an object"),
                new InvalidField("user_data.client_ip_address", "must be a string, was a boolean"));
        assertThat(result.score()).isEqualTo(85);
    }

    @Test
    void acceptsAMetaExternalIdUnhashedOrAsANumberSinceHashingIsOnlyRecommended() {
        Map<String, Object> event = Events.meta(EnumSet.allOf(MatchKey.class));
        userData(event).put("external_id", List.of("cust-000123", 123456));

        assertThat(analyzer.analyze(event, Platform.META).score()).isEqualTo(100);
    }

    @Test
    void reportsUserDataThatIsNotAnObject() {
        Map<String, Object> event = new LinkedHashMap<>(Map.of("event_name", "Purchase", "user_data", "jane@example.com"));

        EventQualityResult result = analyzer.analyze(event, Platform.META);

        assertThat(result.score()).isZero();
        assertThat(result.invalidFields()).containsExactly(new InvalidField("user_data", "must be an object, was a string"));
    }

    @Test
    void scoresNothingForAnEventWithoutCustomerInformation() {
        EventQualityResult result = analyzer.analyze(Map.of("event_name", "Purchase"), Platform.META);

        assertThat(result.score()).isZero();
        assertThat(result.level()).isEqualTo(QualityLevel.POOR);
        assertThat(result.invalidFields()).isEmpty();
        assertThat(result.recommendations()).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void refusesAnEventThatIsNotAJsonObject(Platform platform) {
        assertThatThrownBy(() -> analyzer.analyze(List.of(Map.of()), platform))
                .isInstanceOf(InvalidMlInputException.class)
                .hasMessage("event: must be a JSON object, was an array")
                .extracting(e -> ((InvalidMlInputException) e).field()).isEqualTo("event");
    }

    @Test
    void flagsInvalidGoogleValuesByPath() {
        Map<String, Object> conversion = Events.google(EnumSet.allOf(MatchKey.class));
        conversion.put("gclid", "abc123");
        conversion.put("userIpAddress", "192.168.1.20");
        conversion.put("userIdentifiers", List.of(
                Map.of("hashedEmail", Events.EMAIL_HASH),
                Map.of("hashedPhoneNumber", "+16505551234"),
                Map.of("addressInfo", Map.of("hashedFirstName", "jane", "countryCode", "USA")),
                "jane@example.com"));
        conversion.put("sessionAttributesKeyValuePairs", Map.of("keyValuePairs", List.of(
                Map.of("sessionAttributeKey", "landing_page_user_agent", "sessionAttributeValue", "okhttp/4.12.0"))));

        EventQualityResult result = analyzer.analyze(conversion, Platform.GOOGLE);

        assertThat(result.invalidFields()).extracting(InvalidField::path).containsExactlyInAnyOrder(
                "gclid",
                "userIpAddress",
                "userIdentifiers[1].hashedPhoneNumber",
                "userIdentifiers[2].addressInfo.hashedFirstName",
                "userIdentifiers[2].addressInfo.countryCode",
                "userIdentifiers[3]",
                "sessionAttributesKeyValuePairs.keyValuePairs[0].sessionAttributeValue");
        assertThat(result.score()).isEqualTo(25);
        assertThat(result.missingFields()).containsExactly(MatchKey.PHONE, MatchKey.GCLID, MatchKey.IP_ADDRESS,
                MatchKey.USER_AGENT, MatchKey.EXTERNAL_ID);
    }

    @Test
    void takesGbraidOrWbraidAsGooglesClickId() {
        Map<String, Object> conversion = Events.google(EnumSet.of(MatchKey.EMAIL));
        conversion.put("wbraid", "GkSDAAoBBSmAbCdEfGhIjKlMnOp_Qr-StUvWxYz");

        EventQualityResult result = analyzer.analyze(conversion, Platform.GOOGLE);

        assertThat(result.score()).isEqualTo(50);
        assertThat(result.missingFields()).doesNotContain(MatchKey.GCLID);
    }

    @Test
    void flagsInvalidTikTokAndSnapchatValuesByPath() {
        Map<String, Object> tiktok = Events.tiktok(EnumSet.allOf(MatchKey.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) tiktok.get("user");
        user.put("ttclid", "E.C.P. pasted with spaces");
        user.put("external_id", "cust-000123");

        EventQualityResult tiktokResult = analyzer.analyze(tiktok, Platform.TIKTOK);

        assertThat(tiktokResult.invalidFields()).extracting(InvalidField::path).containsExactly("user.ttclid", "user.external_id");
        assertThat(tiktokResult.score()).isEqualTo(70);

        Map<String, Object> snapchat = Events.snapchat(EnumSet.allOf(MatchKey.class));
        userData(snapchat).put("sc_click_id", "short");
        userData(snapchat).put("client_ip_address", "10.0.0.7");

        EventQualityResult snapchatResult = analyzer.analyze(snapchat, Platform.SNAPCHAT);

        assertThat(snapchatResult.invalidFields()).extracting(InvalidField::path)
                .containsExactly("user_data.client_ip_address", "user_data.sc_click_id");
        assertThat(snapchatResult.score()).isEqualTo(65);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> userData(Map<String, Object> event) {
        return (Map<String, Object>) event.get("user_data");
    }

    static Set<MatchKey> keys(String seedNames) {
        Set<MatchKey> keys = EnumSet.noneOf(MatchKey.class);
        Arrays.stream(seedNames.trim().split("\\s+")).filter(name -> !name.isEmpty())
                .forEach(name -> keys.add(Arrays.stream(MatchKey.values()).filter(k -> k.id().equals(name)).findFirst()
                        .orElseThrow()));
        return keys;
    }
}
