package ai.stratum.server.ml.inference;

import ai.stratum.server.tenancy.TenantId;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Where the learned models' predictions come from, chosen by {@code ML_PROVIDER}: {@code local} (the
 * default) predicts with the models in this process ({@link InProcessModel}s, trained and registered per
 * tenant); {@code vertex} sends the same feature rows to a Vertex AI endpoint ({@link VertexPredictionProvider}).
 * Callers do not know which: they build the feature rows, ask, and cache what they get ({@code MlCache}).
 *
 * <p>A row is one instance's features as numbers, in the model type's feature order, which the model's
 * trainer defines and documents (for ROAS, seed 001's eleven features with platform and date encoded);
 * a model deployed to Vertex AI must take the same rows.
 */
public interface PredictionProvider {

    /**
     * @param tenant whose model predicts: the tenant's own, or the default model when it has none
     * @param model  which model
     * @param rows   one feature row per instance, at least one
     * @return one prediction per row, in row order
     * @throws PredictionUnavailableException (in the Mono) when no model can answer: none is installed,
     *                                        or the remote endpoint failed, refused or timed out
     */
    Mono<List<Prediction>> predict(TenantId tenant, ModelType model, List<double[]> rows);

    /**
     * @param tenant whose model would predict
     * @param model  which model
     * @return what answers the tenant's predictions of that model now, as cache keys carry it: it changes
     *         whenever the answers may (a new active version, another endpoint), and never contains {@code ':'}
     * @throws PredictionUnavailableException (in the Mono) as {@link #predict} does
     */
    Mono<String> version(TenantId tenant, ModelType model);
}
