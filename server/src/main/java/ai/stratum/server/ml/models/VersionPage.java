package ai.stratum.server.ml.models;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.PageRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code first} and {@code after} of the {@code models} connection. Versions are listed newest first, so
 * the cursor is a version number and the next page holds the versions below it.
 *
 * @param first  the page size
 * @param before the version the page starts below; empty for the first page
 */
public record VersionPage(int first, Optional<Integer> before) {

    private static final String PREFIX = "model-version:";

    /** @throws ApiException BAD_USER_INPUT for a size outside 0-100 or a cursor this server did not issue */
    public static VersionPage of(Integer first, String after) {
        int size = first == null ? PageRequest.DEFAULT_SIZE : first;
        if (size < 0 || size > PageRequest.MAX_SIZE) {
            throw ApiException.badInput("first", "'first' must be between 0 and " + PageRequest.MAX_SIZE + " (was " + size + ")");
        }
        return new VersionPage(size, Optional.ofNullable(after).map(VersionPage::decode));
    }

    static String cursor(int version) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + version).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                return Integer.parseInt(raw.substring(PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw ApiException.badInput("after", "'after' is not a cursor this server issued");
    }
}
