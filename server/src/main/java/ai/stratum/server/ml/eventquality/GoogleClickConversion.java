package ai.stratum.server.ml.eventquality;

import java.util.List;
import java.util.Map;

/**
 * A Google Ads {@code ClickConversion} as the REST API carries it ({@code
 * customers/{id}:uploadClickConversions}, one element of {@code conversions}; field names in
 * lowerCamelCase), with enhanced conversions' user identifiers.
 *
 * <ul>
 *   <li>email: {@code userIdentifiers[].hashedEmail}; phone: {@code userIdentifiers[].hashedPhoneNumber}
 *   (SHA-256 of the E.164 number); each identifier is its own object.</li>
 *   <li>gclid: {@code gclid}, or {@code gbraid} / {@code wbraid}, which Google takes in its place for
 *   iOS traffic.</li>
 *   <li>ip_address: {@code userIpAddress}, the visitor's address on the landing page (the API's
 *   {@code user_ip_address}; Google does not use it for users in the EEA, the UK and Switzerland).</li>
 *   <li>user_agent: the {@code landing_page_user_agent} entry of
 *   {@code sessionAttributesKeyValuePairs.keyValuePairs[]}. Session attributes sent base64-encoded in
 *   {@code sessionAttributesEncoded} are not decoded here, so their user agent is not seen.</li>
 *   <li>external_id: {@code userIdentifiers[].thirdPartyUserId}, the advertiser's id for the customer;
 *   Google's conversion upload accepts it less widely than email and phone (Customer Match and store
 *   sales), and the seed weighs it at 10.</li>
 * </ul>
 * {@code addressInfo}'s hashed name and street fields are checked as SHA-256; its {@code countryCode}
 * as an ISO code; none is scored, as the seed's weights do not include them.
 */
final class GoogleClickConversion implements ServerEventFormat {

    static final String USER_AGENT_ATTRIBUTE = "landing_page_user_agent";
    private static final String[] HASHED_ADDRESS = {"hashedFirstName", "hashedLastName", "hashedStreetAddress"};

    @Override
    public void read(Map<?, ?> event, EventFields fields) {
        fields.scored(MatchKey.GCLID, "gclid", event.get("gclid"), ClickIdCheck.GOOGLE_CLICK_ID);
        fields.scored(MatchKey.GCLID, "gbraid", event.get("gbraid"), ClickIdCheck.GOOGLE_CLICK_ID);
        fields.scored(MatchKey.GCLID, "wbraid", event.get("wbraid"), ClickIdCheck.GOOGLE_CLICK_ID);
        fields.scored(MatchKey.IP_ADDRESS, "userIpAddress", event.get("userIpAddress"), IpAddressCheck.INSTANCE);
        userIdentifiers(event, fields);
        sessionAttributes(event, fields);
    }

    private static void userIdentifiers(Map<?, ?> event, EventFields fields) {
        List<?> identifiers = fields.list(event.get("userIdentifiers"), "userIdentifiers");
        if (identifiers == null) {
            return;
        }
        for (int i = 0; i < identifiers.size(); i++) {
            String path = "userIdentifiers[" + i + "]";
            Map<?, ?> identifier = fields.object(identifiers.get(i), path);
            if (identifier == null) {
                continue;
            }
            fields.scored(MatchKey.EMAIL, path + ".hashedEmail", identifier.get("hashedEmail"), Sha256Check.INSTANCE);
            fields.scored(MatchKey.PHONE, path + ".hashedPhoneNumber", identifier.get("hashedPhoneNumber"),
                    Sha256Check.INSTANCE);
            fields.scored(MatchKey.EXTERNAL_ID, path + ".thirdPartyUserId", identifier.get("thirdPartyUserId"),
                    ValueCheck.ANY_TEXT);
            Map<?, ?> address = fields.object(identifier.get("addressInfo"), path + ".addressInfo");
            if (address != null) {
                for (String name : HASHED_ADDRESS) {
                    fields.checked(path + ".addressInfo." + name, address.get(name), Sha256Check.INSTANCE);
                }
                fields.checked(path + ".addressInfo.countryCode", address.get("countryCode"), ValueCheck.COUNTRY_CODE);
            }
        }
    }

    private static void sessionAttributes(Map<?, ?> event, EventFields fields) {
        Map<?, ?> attributes = fields.object(event.get("sessionAttributesKeyValuePairs"), "sessionAttributesKeyValuePairs");
        if (attributes == null) {
            return;
        }
        String listPath = "sessionAttributesKeyValuePairs.keyValuePairs";
        List<?> pairs = fields.list(attributes.get("keyValuePairs"), listPath);
        if (pairs == null) {
            return;
        }
        for (int i = 0; i < pairs.size(); i++) {
            Map<?, ?> pair = fields.object(pairs.get(i), listPath + "[" + i + "]");
            if (pair != null && USER_AGENT_ATTRIBUTE.equals(pair.get("sessionAttributeKey"))) {
                fields.scored(MatchKey.USER_AGENT, listPath + "[" + i + "].sessionAttributeValue",
                        pair.get("sessionAttributeValue"), UserAgentCheck.INSTANCE);
            }
        }
    }

    @Override
    public String whenMissing(MatchKey key) {
        return switch (key) {
            case EMAIL -> "Add a user identifier with hashedEmail: the SHA-256 of the trimmed, lower-cased address";
            case PHONE -> "Add a user identifier with hashedPhoneNumber: the SHA-256 of the number in E.164"
                    + " (+16505551234)";
            case GCLID -> "Send the gclid (or gbraid / wbraid) captured from the landing page URL";
            case IP_ADDRESS -> "Send the visitor's public IP address in userIpAddress (not for users in the EEA, UK"
                    + " or Switzerland)";
            case USER_AGENT -> "Send the visitor's browser user agent as the landing_page_user_agent session attribute";
            case EXTERNAL_ID -> "Add a user identifier with thirdPartyUserId, your id for the customer";
            case CLICK_ID -> throw new IllegalArgumentException("Google scores its click id as " + MatchKey.GCLID);
        };
    }
}
