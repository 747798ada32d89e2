package ai.stratum.server.ml.eventquality;

import java.util.Map;

/**
 * An event of Meta's Conversions API ({@code POST /{pixel_id}/events}, one element of {@code data}),
 * whose customer information is in {@code user_data}. Contact fields are SHA-256 of the normalized
 * value, a string or an array of them; {@code external_id} is hashing recommended, so a plain id is
 * accepted; {@code client_ip_address}, {@code client_user_agent}, {@code fbc} and {@code fbp} are sent
 * unhashed.
 *
 * <p>The seed's keys: email {@code em}, phone {@code ph}, click_id {@code fbc}, ip_address
 * {@code client_ip_address}, user_agent {@code client_user_agent}, external_id {@code external_id}. The
 * other customer fields ({@code fn}, {@code ln}, {@code ge}, {@code db}, {@code ct}, {@code st},
 * {@code zp}, {@code country}, {@code fbp}) are checked but not scored: the seed's weights do not
 * include them.
 */
final class MetaConversionsEvent implements ServerEventFormat {

    private static final String[] OTHER_HASHED = {"fn", "ln", "ge", "db", "ct", "st", "zp", "country"};

    @Override
    public void read(Map<?, ?> event, EventFields fields) {
        Map<?, ?> user = fields.object(event.get("user_data"), "user_data");
        if (user == null) {
            return;
        }
        contactFields(user, "user_data", fields);
        fields.scored(MatchKey.CLICK_ID, "user_data.fbc", user.get("fbc"), ClickIdCheck.FBC);
        fields.scoredIdentifier(MatchKey.EXTERNAL_ID, "user_data.external_id", user.get("external_id"),
                ValueCheck.ANY_TEXT);
        fields.checked("user_data.fbp", user.get("fbp"), ClickIdCheck.FBP);
    }

    /**
     * The fields Meta's and Snapchat's (v3) {@code user_data} share, by the same names: hashed email,
     * phone and the other contact fields, the unhashed IP address and user agent.
     */
    static void contactFields(Map<?, ?> user, String path, EventFields fields) {
        fields.scored(MatchKey.EMAIL, path + ".em", user.get("em"), Sha256Check.INSTANCE);
        fields.scored(MatchKey.PHONE, path + ".ph", user.get("ph"), Sha256Check.INSTANCE);
        fields.scored(MatchKey.IP_ADDRESS, path + ".client_ip_address", user.get("client_ip_address"),
                IpAddressCheck.INSTANCE);
        fields.scored(MatchKey.USER_AGENT, path + ".client_user_agent", user.get("client_user_agent"),
                UserAgentCheck.INSTANCE);
        for (String name : OTHER_HASHED) {
            fields.checked(path + "." + name, user.get(name), Sha256Check.INSTANCE);
        }
    }

    @Override
    public String whenMissing(MatchKey key) {
        return switch (key) {
            case EMAIL -> "Send the customer's email in user_data.em: the SHA-256 of the trimmed, lower-cased address";
            case PHONE -> "Send the customer's phone in user_data.ph: the SHA-256 of its digits with the country code"
                    + " (16505551234)";
            case CLICK_ID -> "Send the click id in user_data.fbc: the _fbc cookie, or fb.1.<time in ms>.<fbclid>"
                    + " from the landing page URL";
            case IP_ADDRESS -> "Send the visitor's public IP address in user_data.client_ip_address";
            case USER_AGENT -> "Send the visitor's browser user agent in user_data.client_user_agent";
            case EXTERNAL_ID -> "Send your customer id in user_data.external_id (SHA-256 recommended)";
            case GCLID -> throw new IllegalArgumentException("Meta does not score " + key);
        };
    }
}
