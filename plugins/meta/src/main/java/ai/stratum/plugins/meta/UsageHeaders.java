package ai.stratum.plugins.meta;

import ai.stratum.plugin.api.HttpTransport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads how long Meta asks a throttled caller to wait from its usage headers, which Meta sends on
 * error responses too:
 * <ul>
 *   <li>{@code x-business-use-case-usage}: {@code {"<business id>":[{"type":..., "call_count":...,
 *       "estimated_time_to_regain_access":<minutes>}]}} (Business Use Case limits, most Marketing
 *       API calls);</li>
 *   <li>{@code x-ad-account-usage}: {@code {"acc_id_util_pct":..., "reset_time_duration":<seconds>}};</li>
 *   <li>{@code x-app-usage}: {@code {"call_count":..., "total_cputime":..., "total_time":...}},
 *       percentages only, so it never names a wait.</li>
 * </ul>
 * The longest wait named wins. A header that is not valid JSON is ignored rather than failing the
 * mapping of the rate limit it came with: the error code alone already says to back off.
 */
final class UsageHeaders {

    static final String BUSINESS_USE_CASE = "x-business-use-case-usage";
    static final String AD_ACCOUNT = "x-ad-account-usage";

    private UsageHeaders() {
    }

    /** @return the wait Meta named, when a header names one longer than zero */
    static Optional<Duration> regainAccessAfter(HttpTransport.Response response) {
        Duration longest = Duration.ZERO;
        for (JsonNode entries : businessUseCaseEntries(response)) {
            for (JsonNode entry : entries) {
                longest = max(longest, whole(entry.get("estimated_time_to_regain_access")).map(Duration::ofMinutes));
            }
        }
        Optional<JsonNode> adAccount = json(response, AD_ACCOUNT);
        if (adAccount.isPresent()) {
            longest = max(longest, whole(adAccount.get().get("reset_time_duration")).map(Duration::ofSeconds));
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    private static Optional<JsonNode> json(HttpTransport.Response response, String header) {
        return response.header(header).flatMap(value -> {
            try {
                JsonNode node = JsonFields.MAPPER.readTree(value);
                return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }

    /** @return the per-business lists of usage entries, one list per business object id */
    private static List<JsonNode> businessUseCaseEntries(HttpTransport.Response response) {
        List<JsonNode> lists = new ArrayList<>();
        json(response, BUSINESS_USE_CASE).ifPresent(usage -> usage.elements().forEachRemaining(node -> {
            if (node.isArray()) {
                lists.add(node);
            }
        }));
        return lists;
    }

    private static Optional<Long> whole(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return Optional.empty();
        }
        // Meta documents whole minutes and seconds; round a fraction up so the retry is not early
        return Optional.of((long) Math.ceil(value.asDouble()));
    }

    private static Duration max(Duration current, Optional<Duration> candidate) {
        return candidate.filter(wait -> wait.compareTo(current) > 0).orElse(current);
    }
}
