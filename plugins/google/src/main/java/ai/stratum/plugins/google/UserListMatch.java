package ai.stratum.plugins.google;

import ai.stratum.plugin.api.AudienceMatch;
import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads the {@link Gaql#userListMatch} row into {@link AudienceMatch} figures, by the rule
 * {@link GoogleAudienceSync} documents: matched = max(size_for_search, size_for_display); no
 * uploaded count, since Google reports none. Sizes Google has not determined yet (left out) count
 * as zero; {@code match_rate_percentage} is only checked to be a percentage.
 */
final class UserListMatch {

    private UserListMatch() {
    }

    static AudienceMatch read(List<JsonNode> rows, String audienceId, Instant readAt) {
        if (rows.isEmpty()) {
            throw ConnectorException.rejected("Google Ads user list " + audienceId + " was not found", null);
        }
        JsonNode list = rows.get(0).path("userList");
        String what = "the user list row";
        long search = GoogleJson.optionalInt64(list, "sizeForSearch", what).orElse(0L);
        long display = GoogleJson.optionalInt64(list, "sizeForDisplay", what).orElse(0L);
        long rate = GoogleJson.optionalInt64(list, "matchRatePercentage", what).orElse(0L);
        if (search < 0 || display < 0 || rate < 0 || rate > 100) {
            throw GoogleJson.malformed("user list " + audienceId + " has impossible figures: search=" + search
                    + " display=" + display + " matchRate=" + rate);
        }
        return new AudienceMatch(audienceId, OptionalLong.empty(), Math.max(search, display), readAt);
    }
}
