package ai.stratum.server.ml.inference;

import ai.stratum.server.tenancy.TenantId;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * A learned model served in this process, as the local {@link PredictionProvider} finds it: one bean per
 * {@link ModelType}, which picks the tenant's active model version (or the default one) itself.
 */
public interface InProcessModel {

    /** @return the type of model this serves */
    ModelType type();

    /**
     * @param tenant whose model predicts
     * @return the model answering the tenant now, found without blocking (the registry's look-ups are
     *         reactive); fails with an {@code ApiException} when there is none
     */
    Mono<Predictor> answering(TenantId tenant);

    /** One model version, ready to predict. */
    interface Predictor {

        /**
         * @return what identifies this version's answers, as cache keys carry it: changes whenever the model
         *         does (the registry's revision), never contains {@code ':'}
         */
        String version();

        /**
         * Plain CPU work, never blocking: the provider runs a batch on the ML executor, a single row on the
         * calling thread, which may be an event loop.
         *
         * @param rows feature rows in the type's order
         * @return one prediction per row, in row order
         */
        List<Prediction> predict(List<double[]> rows);
    }
}
