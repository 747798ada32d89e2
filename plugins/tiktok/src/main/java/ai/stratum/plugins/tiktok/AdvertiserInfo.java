package ai.stratum.plugins.tiktok;

import ai.stratum.plugin.api.ConnectorException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What the plugin needs to know about an advertiser (ad account): the currency every amount is
 * in, and the time zone of its reporting days. Read from
 * {@code GET /open_api/v1.3/advertiser/info/?advertiser_ids=["<id>"]}, whose {@code data.list[]}
 * holds one entry per advertiser with {@code currency}, {@code timezone} (for example
 * {@code "Etc/GMT+8"}) and {@code display_timezone} (an IANA name such as
 * {@code "America/Los_Angeles"}). The IANA name is preferred because it follows daylight saving
 * as TikTok's reporting days do; the offset form is the fallback.
 *
 * @param currency the ISO 4217 code
 * @param zone     the account's time zone
 */
record AdvertiserInfo(String currency, ZoneId zone) {

    static final String PATH = "advertiser/info";

    /** Reads the advertiser's info. */
    static CompletionStage<AdvertiserInfo> fetch(TikTokApi api, String advertiserId) {
        return api.get(PATH, query(advertiserId)).thenApply(reply -> parse(reply.data(), advertiserId));
    }

    /** @return the query of the advertiser info call for one advertiser */
    static Map<String, String> query(String advertiserId) {
        return Map.of("advertiser_ids", TikTokJson.write(TikTokJson.array(List.of(advertiserId))));
    }

    static AdvertiserInfo parse(JsonNode data, String advertiserId) {
        JsonNode entry = null;
        for (JsonNode candidate : data.path("list")) {
            if (advertiserId.equals(candidate.path("advertiser_id").asText())) {
                entry = candidate;
            }
        }
        if (entry == null) {
            throw ConnectorException.malformedResponse("TikTok's advertiser info has no entry for advertiser "
                    + advertiserId, null);
        }
        String currency = entry.path("currency").asText("");
        if (!currency.matches("[A-Z]{3}")) {
            throw ConnectorException.malformedResponse("TikTok's advertiser info for " + advertiserId
                    + " has no ISO currency: '" + currency + "'", null);
        }
        return new AdvertiserInfo(currency, zone(entry, advertiserId));
    }

    private static ZoneId zone(JsonNode entry, String advertiserId) {
        for (String field : new String[] {"display_timezone", "timezone"}) {
            String name = entry.path(field).asText("");
            if (!name.isEmpty()) {
                try {
                    return ZoneId.of(name);
                } catch (DateTimeException e) {
                    // the other field may still name a zone Java knows
                }
            }
        }
        throw ConnectorException.malformedResponse("TikTok's advertiser info for " + advertiserId
                + " has no time zone Java recognizes", null);
    }
}
