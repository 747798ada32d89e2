package ai.stratum.server.analytics;

import ai.stratum.plugin.api.Platform;
import ai.stratum.server.error.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * An opaque Relay cursor over campaigns ordered by (platform, campaign id): the key of the row, so
 * a page boundary stays put when campaigns are added, renamed or re-synced.
 */
record CampaignCursor(Platform platform, String campaignId) {

    CampaignCursor {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(campaignId, "campaignId");
    }

    String encode() {
        String raw = platform.name() + "|" + campaignId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<CampaignCursor> decode(String field, String cursor) {
        if (cursor == null) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            String campaignId = raw.substring(bar + 1);
            if (bar < 0 || campaignId.isEmpty()) {
                throw new IllegalArgumentException("no campaign id");
            }
            return Optional.of(new CampaignCursor(Platform.valueOf(raw.substring(0, bar)), campaignId));
        } catch (IllegalArgumentException e) {
            throw ApiException.badInput(field, "'" + field + "' is not a cursor this server issued");
        }
    }
}
