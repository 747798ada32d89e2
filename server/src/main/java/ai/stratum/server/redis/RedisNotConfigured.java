package ai.stratum.server.redis;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** Enables the in-process implementations exactly when {@link RedisConfigured} does not hold. */
public final class RedisNotConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        return !RedisConfigured.isConfigured(context);
    }
}
