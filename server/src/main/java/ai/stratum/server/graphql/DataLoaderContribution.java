package ai.stratum.server.graphql;

import org.dataloader.DataLoaderRegistry;

/**
 * A feature's batch loaders, registered anew for every request so that batching and caching
 * never cross requests (nor callers).
 */
@FunctionalInterface
public interface DataLoaderContribution {

    void register(DataLoaderRegistry registry, RequestContext request);
}
