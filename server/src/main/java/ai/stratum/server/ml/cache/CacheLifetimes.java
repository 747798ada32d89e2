package ai.stratum.server.ml.cache;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each kind of ML result stays cached: seed 001's 30 minutes for ROAS, 15 for real-time
 * predictions and 24 hours for fatigue, each configurable ({@code STRATUM_ML_CACHE_*_TTL}).
 */
@Singleton
public class CacheLifetimes {

    private final Duration roas;
    private final Duration realTime;
    private final Duration fatigue;

    public CacheLifetimes(@Value("${stratum.ml.cache.roas-ttl:30m}") Duration roas,
                          @Value("${stratum.ml.cache.real-time-ttl:15m}") Duration realTime,
                          @Value("${stratum.ml.cache.fatigue-ttl:24h}") Duration fatigue) {
        this.roas = positive("stratum.ml.cache.roas-ttl", roas);
        this.realTime = positive("stratum.ml.cache.real-time-ttl", realTime);
        this.fatigue = positive("stratum.ml.cache.fatigue-ttl", fatigue);
    }

    /** @return how long a result of that kind is kept */
    public Duration of(CacheLifetime lifetime) {
        return switch (lifetime) {
            case ROAS -> roas;
            case REAL_TIME -> realTime;
            case FATIGUE -> fatigue;
        };
    }

    /** @return the longest of them: how long a generation must outlive the entries cached under it */
    public Duration longest() {
        Duration longest = roas.compareTo(realTime) >= 0 ? roas : realTime;
        return longest.compareTo(fatigue) >= 0 ? longest : fatigue;
    }

    private static Duration positive(String property, Duration ttl) {
        Objects.requireNonNull(ttl, property);
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, was " + ttl);
        }
        return ttl;
    }
}
