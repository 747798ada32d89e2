package ai.stratum.server.ml.cache;

import ai.stratum.server.cache.Cache;
import ai.stratum.server.cache.InProcessCache;

class InProcessMlCacheTest extends MlCacheContract {

    @Override
    protected Cache newCache() {
        return new InProcessCache();
    }
}
