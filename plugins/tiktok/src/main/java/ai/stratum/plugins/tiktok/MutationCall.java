package ai.stratum.plugins.tiktok;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One write to TikTok: a Marketing API path and its JSON body.
 *
 * @param path the resource path, for example {@code campaign/status/update}
 * @param body the JSON body
 */
record MutationCall(String path, ObjectNode body) {
}
