package ai.stratum.server.redis;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Enables a bean when {@code stratum.redis.url} is set to a non-blank value. A plain
 * {@code @Requires(property = ...)} is not enough: {@code application.yml} always defines the key
 * (as {@code ${REDIS_URL:}}), so "not configured" means blank, not absent.
 */
public final class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        return isConfigured(context);
    }

    static boolean isConfigured(ConditionContext context) {
        return CoordinationMode.isRedisUrl(
                context.getProperty(CoordinationMode.URL_PROPERTY, String.class).orElse(null));
    }
}
