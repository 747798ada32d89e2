package ai.stratum.server.ml.eventquality;

import java.util.Map;

/**
 * An event of TikTok's Events API ({@code POST /open_api/v1.3/event/track/}, one element of
 * {@code data}), whose identifiers are in {@code user}: {@code email}, {@code phone} and
 * {@code external_id} as SHA-256 (a string or an array), the click id {@code ttclid} from the landing
 * page URL, the pixel cookie {@code ttp}, and {@code ip} and {@code user_agent} unhashed.
 *
 * <p>The seed's keys: email {@code email}, phone {@code phone}, click_id {@code ttclid}, ip_address
 * {@code ip}, user_agent {@code user_agent}, external_id {@code external_id}.
 */
final class TikTokEvent implements ServerEventFormat {

    @Override
    public void read(Map<?, ?> event, EventFields fields) {
        Map<?, ?> user = fields.object(event.get("user"), "user");
        if (user == null) {
            return;
        }
        fields.scored(MatchKey.EMAIL, "user.email", user.get("email"), Sha256Check.INSTANCE);
        fields.scored(MatchKey.PHONE, "user.phone", user.get("phone"), Sha256Check.INSTANCE);
        fields.scored(MatchKey.CLICK_ID, "user.ttclid", user.get("ttclid"), ClickIdCheck.OPAQUE_CLICK_ID);
        fields.scored(MatchKey.IP_ADDRESS, "user.ip", user.get("ip"), IpAddressCheck.INSTANCE);
        fields.scored(MatchKey.USER_AGENT, "user.user_agent", user.get("user_agent"), UserAgentCheck.INSTANCE);
        fields.scored(MatchKey.EXTERNAL_ID, "user.external_id", user.get("external_id"), Sha256Check.INSTANCE);
        fields.checked("user.ttp", user.get("ttp"), ValueCheck.ANY_TEXT);
    }

    @Override
    public String whenMissing(MatchKey key) {
        return switch (key) {
            case EMAIL -> "Send the customer's email in user.email: the SHA-256 of the trimmed, lower-cased address";
            case PHONE -> "Send the customer's phone in user.phone: the SHA-256 of the number in E.164 (+16505551234)";
            case CLICK_ID -> "Send the click id in user.ttclid: the ttclid parameter of the landing page URL";
            case IP_ADDRESS -> "Send the visitor's public IP address in user.ip";
            case USER_AGENT -> "Send the visitor's browser user agent in user.user_agent";
            case EXTERNAL_ID -> "Send your customer id in user.external_id as its SHA-256";
            case GCLID -> throw new IllegalArgumentException("TikTok does not score " + key);
        };
    }
}
