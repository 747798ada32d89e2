package ai.stratum.server.analytics;

import ai.stratum.server.error.ApiException;
import ai.stratum.server.graphql.PageRequest;

import java.util.Optional;

/** {@code first} and {@code after} of the {@code campaigns} connection, validated like every connection's. */
record CampaignPageRequest(int first, Optional<CampaignCursor> after) {

    static CampaignPageRequest of(Integer first, String after) {
        int size = first == null ? PageRequest.DEFAULT_SIZE : first;
        if (size < 0 || size > PageRequest.MAX_SIZE) {
            throw ApiException.badInput("first", "'first' must be between 0 and " + PageRequest.MAX_SIZE + " (was " + size + ")");
        }
        return new CampaignPageRequest(size, CampaignCursor.decode("after", after));
    }
}
