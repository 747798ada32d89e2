/**
 * The ML engine's result cache: {@link ai.stratum.server.ml.cache.MlCache} keeps any ML result, keyed by
 * its operation, version, the tenant's data and model generations and a canonical hash of the input;
 * {@link ai.stratum.server.ml.cache.MlCacheGeneration} invalidates a tenant's results on new data and
 * on retraining.
 */
package ai.stratum.server.ml.cache;
