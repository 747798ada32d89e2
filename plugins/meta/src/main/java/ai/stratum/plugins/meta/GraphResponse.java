package ai.stratum.plugins.meta;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful Graph API answer.
 *
 * @param json the body's JSON object
 * @param body the body as received, for {@link ai.stratum.plugin.api.ActionResult#rawResponses()}
 */
record GraphResponse(JsonNode json, String body) {
}
