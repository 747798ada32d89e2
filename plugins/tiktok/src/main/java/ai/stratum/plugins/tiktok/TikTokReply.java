package ai.stratum.plugins.tiktok;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful TikTok answer (return code 0).
 *
 * @param data    the envelope's {@code data} object
 * @param rawBody the body exactly as received, kept for action results
 */
record TikTokReply(JsonNode data, String rawBody) {
}
