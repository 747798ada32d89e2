/**
 * Serving the learned models: {@link ai.stratum.server.ml.inference.PredictionProvider} is what callers
 * ask for predictions, {@code ML_PROVIDER} picks its implementation (in-process models, or a Vertex AI
 * endpoint over REST), and {@link ai.stratum.server.ml.inference.ModelType} names the models.
 */
package ai.stratum.server.ml.inference;
