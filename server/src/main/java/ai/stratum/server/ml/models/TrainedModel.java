package ai.stratum.server.ml.models;

import ai.stratum.server.ml.conversion.ConversionModel;
import ai.stratum.server.ml.roas.RoasModel;
import ai.stratum.server.ml.training.ModelArtifact;

import java.util.Objects;

/**
 * A model ready to predict, with what the registry knows of it. Exactly one of the two models is set,
 * the one of {@code info.type()}.
 *
 * @param info       the registry's view
 * @param roas       the ROAS model, for a ROAS entry
 * @param conversion the conversion model, for a CONVERSION entry
 */
public record TrainedModel(ModelInfo info, RoasModel roas, ConversionModel conversion) {

    public TrainedModel {
        Objects.requireNonNull(info, "info");
        if ((roas == null) == (conversion == null)) {
            throw new IllegalArgumentException("exactly one model must be given");
        }
    }

    /** @return the model its artifact describes */
    public static TrainedModel of(ModelInfo info, ModelArtifact artifact) {
        return switch (info.type()) {
            case ROAS -> new TrainedModel(info, RoasModel.fromArtifact(artifact), null);
            case CONVERSION -> new TrainedModel(info, null, ConversionModel.fromArtifact(artifact));
        };
    }
}
