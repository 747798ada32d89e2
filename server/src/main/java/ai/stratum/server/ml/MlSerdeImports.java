package ai.stratum.server.ml;

import ai.stratum.server.ml.conversion.ConversionFactor;
import ai.stratum.server.ml.conversion.ConversionPrediction;
import ai.stratum.server.ml.forecast.ForecastDay;
import ai.stratum.server.ml.forecast.ForecastValue;
import ai.stratum.server.ml.roas.RoasPrediction;
import io.micronaut.serde.annotation.SerdeImport;

/**
 * JSON for the pure ML packages' result types the cache stores, which carry no framework annotations
 * themselves.
 */
@SerdeImport(ForecastDay.class)
@SerdeImport(ForecastValue.class)
@SerdeImport(RoasPrediction.class)
@SerdeImport(ConversionPrediction.class)
@SerdeImport(ConversionFactor.class)
final class MlSerdeImports {

    private MlSerdeImports() {
    }
}
