package ai.stratum.server.cache;

class InProcessCacheTest extends CacheContract {

    @Override
    protected Cache newCache() {
        return new InProcessCache();
    }
}
