package ai.stratum.plugins.snapchat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The plugin's page cursors: a small record written as JSON and Base64url-encoded, opaque to the host.
 * A cursor that does not decode was not made here, which is a bug of the caller, not a platform fault.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(Object state) {
        byte[] json = SnapJson.write(SnapJson.MAPPER.valueToTree(state)).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
    }

    static <T> T decode(String cursor, Class<T> type) {
        try {
            return SnapJson.MAPPER.readValue(Base64.getUrlDecoder().decode(cursor), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor of the Snapchat plugin: " + cursor, e);
        }
    }
}
