package ai.stratum.server.ml.inference;

import ai.stratum.server.tenancy.TenantId;

import java.util.List;

/**
 * A learned model served in this process, as the local {@link PredictionProvider} finds it: one bean per
 * {@link ModelType}, which picks the tenant's active model version (or the default one) itself.
 * {@link #predict} is plain CPU work; the provider runs it on the ML executor.
 */
public interface InProcessModel {

    /** @return the type of model this serves */
    ModelType type();

    /**
     * @param tenant whose model predicts
     * @param rows   feature rows in the type's order
     * @return one prediction per row, in row order
     */
    List<Prediction> predict(TenantId tenant, List<double[]> rows);
}
