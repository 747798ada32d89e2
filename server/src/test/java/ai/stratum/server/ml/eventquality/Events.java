package ai.stratum.server.ml.eventquality;

import ai.stratum.plugin.api.Platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Events in each platform's format carrying a chosen set of valid match keys. */
final class Events {

    static final String EMAIL_HASH = sha256("jane.doe@example.com");
    static final String PHONE_HASH = sha256("16505551234");
    static final String E164_PHONE_HASH = sha256("+16505551234");
    static final String CUSTOMER_HASH = sha256("cust-000123");
    static final String PUBLIC_IPV4 = "81.2.69.160";
    static final String PUBLIC_IPV6 = "2606:4700:4700::1111";
    static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/140.0.0.0 Safari/537.36";
    static final String FBC = "fb.1.1789394651000.IwY2xjawM0AbCdEfGhIjKlMnOpQrStUv";
    static final String GCLID = "Cj0KCQjw4s-kBhDqARIsAN-ipH0sAbCdEfGhIjKlMnOpQrStUvWxYz_BwE";
    static final String TTCLID = "E.C.P.CqgBq1EXAMPLEttclidValue0123456789";
    static final String SC_CLICK_ID = "8b1ba5b0-6f4e-4c3a-9c55-3f1d2e7a9b10";

    private Events() {
    }

    /** An event of the platform with a valid value for each of the keys. */
    static Map<String, Object> with(Platform platform, Set<MatchKey> keys) {
        return switch (platform) {
            case META -> meta(keys);
            case GOOGLE -> google(keys);
            case TIKTOK -> tiktok(keys);
            case SNAPCHAT -> snapchat(keys);
        };
    }

    static Map<String, Object> meta(Set<MatchKey> keys) {
        Map<String, Object> user = new LinkedHashMap<>();
        putIf(user, keys, MatchKey.EMAIL, "em", List.of(EMAIL_HASH));
        putIf(user, keys, MatchKey.PHONE, "ph", List.of(PHONE_HASH));
        putIf(user, keys, MatchKey.CLICK_ID, "fbc", FBC);
        putIf(user, keys, MatchKey.IP_ADDRESS, "client_ip_address", PUBLIC_IPV4);
        putIf(user, keys, MatchKey.USER_AGENT, "client_user_agent", BROWSER);
        putIf(user, keys, MatchKey.EXTERNAL_ID, "external_id", List.of(CUSTOMER_HASH));
        return event("user_data", user);
    }

    static Map<String, Object> snapchat(Set<MatchKey> keys) {
        Map<String, Object> user = new LinkedHashMap<>();
        putIf(user, keys, MatchKey.EMAIL, "em", List.of(EMAIL_HASH));
        putIf(user, keys, MatchKey.PHONE, "ph", PHONE_HASH);
        putIf(user, keys, MatchKey.CLICK_ID, "sc_click_id", SC_CLICK_ID);
        putIf(user, keys, MatchKey.IP_ADDRESS, "client_ip_address", PUBLIC_IPV6);
        putIf(user, keys, MatchKey.USER_AGENT, "client_user_agent", BROWSER);
        putIf(user, keys, MatchKey.EXTERNAL_ID, "external_id", CUSTOMER_HASH);
        return event("user_data", user);
    }

    static Map<String, Object> tiktok(Set<MatchKey> keys) {
        Map<String, Object> user = new LinkedHashMap<>();
        putIf(user, keys, MatchKey.EMAIL, "email", EMAIL_HASH);
        putIf(user, keys, MatchKey.PHONE, "phone", E164_PHONE_HASH);
        putIf(user, keys, MatchKey.CLICK_ID, "ttclid", TTCLID);
        putIf(user, keys, MatchKey.IP_ADDRESS, "ip", PUBLIC_IPV4);
        putIf(user, keys, MatchKey.USER_AGENT, "user_agent", BROWSER);
        putIf(user, keys, MatchKey.EXTERNAL_ID, "external_id", CUSTOMER_HASH);
        Map<String, Object> event = event("user", user);
        event.put("event", "CompletePayment");
        return event;
    }

    static Map<String, Object> google(Set<MatchKey> keys) {
        Map<String, Object> conversion = new LinkedHashMap<>();
        conversion.put("conversionAction", "customers/1234567890/conversionActions/987654321");
        conversion.put("conversionDateTime", "2026-09-14 12:32:45+00:00");
        conversion.put("conversionValue", 129.9);
        conversion.put("currencyCode", "USD");
        putIf(conversion, keys, MatchKey.GCLID, "gclid", GCLID);
        putIf(conversion, keys, MatchKey.IP_ADDRESS, "userIpAddress", PUBLIC_IPV4);
        List<Object> identifiers = new ArrayList<>();
        if (keys.contains(MatchKey.EMAIL)) {
            identifiers.add(Map.of("hashedEmail", EMAIL_HASH));
        }
        if (keys.contains(MatchKey.PHONE)) {
            identifiers.add(Map.of("hashedPhoneNumber", E164_PHONE_HASH));
        }
        if (keys.contains(MatchKey.EXTERNAL_ID)) {
            identifiers.add(Map.of("thirdPartyUserId", "cust-000123"));
        }
        if (!identifiers.isEmpty()) {
            conversion.put("userIdentifiers", identifiers);
        }
        if (keys.contains(MatchKey.USER_AGENT)) {
            conversion.put("sessionAttributesKeyValuePairs", Map.of("keyValuePairs", List.of(
                    Map.of("sessionAttributeKey", "gad_source", "sessionAttributeValue", "1"),
                    Map.of("sessionAttributeKey", "landing_page_user_agent", "sessionAttributeValue", BROWSER))));
        }
        return conversion;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> event(String userField, Map<String, Object> user) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_name", "Purchase");
        event.put("event_time", 1789398251);
        event.put(userField, user);
        return event;
    }

    private static void putIf(Map<String, Object> target, Set<MatchKey> keys, MatchKey key, String field, Object value) {
        if (keys.contains(key)) {
            target.put(field, value);
        }
    }
}
