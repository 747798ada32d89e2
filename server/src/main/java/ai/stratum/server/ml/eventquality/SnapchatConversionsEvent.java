package ai.stratum.server.ml.eventquality;

import java.util.Map;

/**
 * An event of Snapchat's Conversions API v3 ({@code POST /v3/{pixel_id}/events}, one element of
 * {@code data}). Its {@code user_data} uses Meta's field names: {@code em}, {@code ph} and the other
 * contact fields as SHA-256 (a string or an array), {@code client_ip_address} and
 * {@code client_user_agent} unhashed, plus Snapchat's click id {@code sc_click_id} (the landing page's
 * {@code ScCid} parameter), its cookie {@code sc_cookie1}, and {@code external_id}, which Snapchat
 * wants hashed.
 *
 * <p>The seed's keys: email {@code em}, phone {@code ph}, click_id {@code sc_click_id}, ip_address
 * {@code client_ip_address}, user_agent {@code client_user_agent}, external_id {@code external_id}.
 */
final class SnapchatConversionsEvent implements ServerEventFormat {

    @Override
    public void read(Map<?, ?> event, EventFields fields) {
        Map<?, ?> user = fields.object(event.get("user_data"), "user_data");
        if (user == null) {
            return;
        }
        MetaConversionsEvent.contactFields(user, "user_data", fields);
        fields.scored(MatchKey.CLICK_ID, "user_data.sc_click_id", user.get("sc_click_id"), ClickIdCheck.OPAQUE_CLICK_ID);
        fields.scored(MatchKey.EXTERNAL_ID, "user_data.external_id", user.get("external_id"), Sha256Check.INSTANCE);
        fields.checked("user_data.sc_cookie1", user.get("sc_cookie1"), ValueCheck.ANY_TEXT);
    }

    @Override
    public String whenMissing(MatchKey key) {
        return switch (key) {
            case EMAIL -> "Send the customer's email in user_data.em: the SHA-256 of the trimmed, lower-cased address";
            case PHONE -> "Send the customer's phone in user_data.ph: the SHA-256 of its digits with the country code"
                    + " (448444124653)";
            case CLICK_ID -> "Send the click id in user_data.sc_click_id: the ScCid parameter of the landing page URL";
            case IP_ADDRESS -> "Send the visitor's public IP address in user_data.client_ip_address";
            case USER_AGENT -> "Send the visitor's browser user agent in user_data.client_user_agent";
            case EXTERNAL_ID -> "Send your customer id in user_data.external_id as its SHA-256";
            case GCLID -> throw new IllegalArgumentException("Snapchat does not score " + key);
        };
    }
}
