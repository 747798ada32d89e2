package ai.stratum.server.graphql;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Limits that keep one request from consuming the server: query depth, query complexity (one
 * point per field, summed over the selection) and request body size.
 */
@ConfigurationProperties("stratum.graphql")
public record GraphQLLimits(int maxDepth, int maxComplexity, int maxBodyBytes) {

    public GraphQLLimits {
        if (maxDepth < 1 || maxComplexity < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("stratum.graphql limits must be positive");
        }
    }
}
