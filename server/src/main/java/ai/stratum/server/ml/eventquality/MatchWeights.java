package ai.stratum.server.ml.eventquality;

import ai.stratum.plugin.api.Platform;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much each match key is worth per platform, in points of 100 (whole points, so scores add up
 * exactly and land on the level thresholds when they should).
 *
 * <ul>
 *   <li><b>Meta</b> and <b>Google</b>: seed 001's {@code FIELD_WEIGHTS}, unchanged.</li>
 *   <li><b>TikTok</b> and <b>Snapchat</b>: Meta's weights. The seed has none for them, and neither
 *   platform publishes per-key weights. Both server APIs take exactly the key set Meta's weights were
 *   made for: hashed email and phone, the advertiser's customer id, the platform's own click id captured
 *   from the landing page ({@code ttclid}, {@code sc_click_id}) and the visitor's IP address and user
 *   agent; Snapchat's Conversions API v3 even uses Meta's field names ({@code em}, {@code ph},
 *   {@code client_ip_address}, {@code client_user_agent}), and TikTok's Events API describes its matching
 *   the same way, contact keys first. Google's weights are the wrong model for them: Google uploads
 *   conversions by click id, which is why the seed weighs its {@code gclid} above email and its IP
 *   address lower. So the seed's own weighting for that key set is used rather than invented numbers.</li>
 * </ul>
 */
public final class MatchWeights {

    private static final Map<Platform, Map<MatchKey, Integer>> WEIGHTS = new EnumMap<>(Platform.class);

    static {
        Map<MatchKey, Integer> meta = ordered(
                MatchKey.EMAIL, 25, MatchKey.PHONE, 20, MatchKey.CLICK_ID, 20,
                MatchKey.IP_ADDRESS, 15, MatchKey.USER_AGENT, 10, MatchKey.EXTERNAL_ID, 10);
        Map<MatchKey, Integer> google = ordered(
                MatchKey.EMAIL, 25, MatchKey.PHONE, 20, MatchKey.GCLID, 25,
                MatchKey.IP_ADDRESS, 10, MatchKey.USER_AGENT, 10, MatchKey.EXTERNAL_ID, 10);
        WEIGHTS.put(Platform.META, meta);
        WEIGHTS.put(Platform.GOOGLE, google);
        WEIGHTS.put(Platform.TIKTOK, meta);
        WEIGHTS.put(Platform.SNAPCHAT, meta);
    }

    private MatchWeights() {
    }

    /**
     * @param platform the platform
     * @return each scored key's points, in the seed's order; they add up to 100
     */
    public static Map<MatchKey, Integer> of(Platform platform) {
        return WEIGHTS.get(platform);
    }

    private static Map<MatchKey, Integer> ordered(Object... keysAndPoints) {
        Map<MatchKey, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < keysAndPoints.length; i += 2) {
            weights.put((MatchKey) keysAndPoints[i], (Integer) keysAndPoints[i + 1]);
        }
        return Collections.unmodifiableMap(weights);
    }
}
