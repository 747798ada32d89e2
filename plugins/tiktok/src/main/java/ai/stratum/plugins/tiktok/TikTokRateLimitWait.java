package ai.stratum.plugins.tiktok;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * How long to wait after a TikTok rate-limit answer. TikTok signals throttling only inside an
 * HTTP 200 body (codes 40100, 40016 and 40133) and sends no {@code Retry-After} or rate-limit
 * headers, so the wait comes from TikTok's rate-limit page, which gives one recovery per window:
 * <ul>
 *   <li>queries per second: retry after the current second, so 1 second;</li>
 *   <li>queries per minute: suspend calls for 5 minutes;</li>
 *   <li>queries per day: suspend until 00:00:00 UTC, when the daily counter resets.</li>
 * </ul>
 * The message sometimes names the window ({@code "... reaches QPS limit ..."} for 40133); when
 * it does not ({@code "Requests made too frequently, please try again later."}), the per-minute
 * recovery is used: it also covers a per-second limit, and waiting a single second after a
 * per-minute limit would only be throttled again. The host adds its jitter on top.
 */
final class TikTokRateLimitWait {

    static final Duration PER_SECOND = Duration.ofSeconds(1);
    static final Duration PER_MINUTE = Duration.ofMinutes(5);

    private TikTokRateLimitWait() {
    }

    /**
     * @param message TikTok's message for the throttled call
     * @param now     the current time, from the context's clock
     * @return the wait before retrying
     */
    static Duration after(String message, Instant now) {
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("qpd") || text.contains("per day") || text.contains("daily")) {
            Instant nextUtcMidnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            return Duration.between(now, nextUtcMidnight);
        }
        if (text.contains("qps") || text.contains("per second")) {
            return PER_SECOND;
        }
        return PER_MINUTE;
    }
}
