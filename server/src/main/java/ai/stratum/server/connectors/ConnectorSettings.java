package ai.stratum.server.connectors;

import ai.stratum.plugin.api.Platform;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operator's connector settings, read and checked once at start so that a mistyped base URL
 * or an impossible duration stops the server with a message naming the variable.
 *
 * @param platforms          each platform's base URLs and client credentials
 * @param maxRateLimitWait   {@code STRATUM_CONNECTOR_MAX_RATE_LIMIT_WAIT}: the longest a call waits when a platform says it is rate limited
 * @param rateLimitRetries   {@code STRATUM_CONNECTOR_RATE_LIMIT_RETRIES}: how many times a rate-limited call is retried
 * @param callTimeout        {@code STRATUM_CONNECTOR_CALL_TIMEOUT}: the longest one plugin call may take
 */
record ConnectorSettings(Map<Platform, PlatformSettings> platforms, Duration maxRateLimitWait, int rateLimitRetries,
                         Duration callTimeout) {

    ConnectorSettings {
        platforms = Map.copyOf(platforms);
        requirePositive(maxRateLimitWait, "STRATUM_CONNECTOR_MAX_RATE_LIMIT_WAIT");
        requirePositive(callTimeout, "STRATUM_CONNECTOR_CALL_TIMEOUT");
        if (rateLimitRetries < 0 || rateLimitRetries > 20) {
            throw new IllegalArgumentException("STRATUM_CONNECTOR_RATE_LIMIT_RETRIES must be 0 to 20 (was " + rateLimitRetries + ")");
        }
    }

    static ConnectorSettings read(Function<String, Optional<String>> property, Duration maxRateLimitWait, int rateLimitRetries,
                                  Duration callTimeout) {
        Map<Platform, PlatformSettings> platforms = new EnumMap<>(Platform.class);
        for (Platform platform : Platform.values()) {
            platforms.put(platform, PlatformSettings.read(platform, property));
        }
        return new ConnectorSettings(platforms, maxRateLimitWait, rateLimitRetries, callTimeout);
    }

    PlatformSettings platform(Platform platform) {
        return platforms.get(platform);
    }

    private static void requirePositive(Duration duration, String variable) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(variable + " must be a positive duration such as 30s or 5m (was " + duration + ")");
        }
    }
}
