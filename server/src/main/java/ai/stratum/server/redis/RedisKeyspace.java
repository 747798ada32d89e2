package ai.stratum.server.redis;

import java.util.Optional;

/**
 * The prefix every Redis key and channel of this deployment starts with, so that several
 * deployments (or test runs) can share one Redis without seeing each other's data. Pub/sub
 * channels are global across Redis databases, so a database index alone would not separate them.
 */
public record RedisKeyspace(String prefix) {

    public static final String PREFIX_PROPERTY = "stratum.redis.key-prefix";
    public static final String DEFAULT_PREFIX = "stratum:";

    public RedisKeyspace {
        if (prefix == null || prefix.isEmpty()) {
            throw new IllegalArgumentException(PREFIX_PROPERTY + " must not be empty");
        }
    }

    /** A keyspace one level down, so that a feature's keys can't collide with another's. */
    public RedisKeyspace nested(String namespace) {
        return new RedisKeyspace(prefix + namespace);
    }

    public String key(String name) {
        return prefix + name;
    }

    /** The caller's name for a Redis key or channel of this keyspace; empty for foreign ones. */
    public Optional<String> localName(String redisName) {
        return redisName.startsWith(prefix)
                ? Optional.of(redisName.substring(prefix.length()))
                : Optional.empty();
    }

    /** A glob matching every key of this keyspace, for SCAN; the prefix is used literally. */
    public String pattern() {
        return prefix.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
    }
}
