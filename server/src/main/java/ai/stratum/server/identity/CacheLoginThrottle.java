package ai.stratum.server.identity;

import ai.stratum.server.cache.Cache;
import ai.stratum.server.error.ApiException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Failure counters in the shared {@link Cache}, so every server instance counts the same
 * attempts. E-mails are hashed in keys: the cache is not a place for personal data.
 */
@Singleton
class CacheLoginThrottle implements LoginThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(CacheLoginThrottle.class);

    private final Cache cache;
    private final int maxPerEmail;
    private final int maxPerAddress;
    private final Duration window;

    CacheLoginThrottle(Cache cache,
                       @Value("${stratum.login.max-failures-per-email:5}") int maxPerEmail,
                       @Value("${stratum.login.max-failures-per-address:20}") int maxPerAddress,
                       @Value("${stratum.login.failure-window:15m}") Duration window) {
        this.cache = cache;
        this.maxPerEmail = maxPerEmail;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    @Override
    public Mono<Void> checkAllowed(String email, String clientAddress) {
        return count(emailKey(email)).zipWith(count(addressKey(clientAddress)))
                .flatMap(counts -> {
                    if (counts.getT1() >= maxPerEmail || counts.getT2() >= maxPerAddress) {
                        LOG.warn("event=login_throttled address={}", clientAddress);
                        return Mono.error(ApiException.rateLimited(
                                "Too many failed logins; try again in " + window.toMinutes() + " minutes"));
                    }
                    return Mono.empty();
                });
    }

    @Override
    public Mono<Void> failed(String email, String clientAddress) {
        return cache.increment(emailKey(email), window).then(cache.increment(addressKey(clientAddress), window)).then();
    }

    @Override
    public Mono<Void> succeeded(String email) {
        return cache.delete(emailKey(email)).then();
    }

    private Mono<Long> count(String key) {
        return cache.get(key).map(value -> value.map(Long::parseLong).orElse(0L));
    }

    private static String emailKey(String email) {
        return "login-failures:email:" + sha256(email);
    }

    private static String addressKey(String address) {
        return "login-failures:address:" + address;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
